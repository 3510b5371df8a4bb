using Orderly.Core.Inventory;
using Orderly.Core.Orders;

namespace Orderly.Core.Tests.Orders;

public partial class OrderTests
{
    [Fact]
    public void Cancel_AllocatedAndBackordered_ReleasesEveryAllocationAndCancelsAll()
    {
        var order = NewOrder(10, 4);
        Apply(order, Standard, Take(1, 3, site: 1, location: 10), Take(1, 2, site: 2, location: 20), Take(2, 4, site: 1, location: 11));

        var released = order.Cancel();

        Assert.Equal(
            [new ReleasedStock(1, 10, ItemOf(1), Quantity.Of(3)), new ReleasedStock(2, 20, ItemOf(1), Quantity.Of(2)), new ReleasedStock(1, 11, ItemOf(2), Quantity.Of(4))],
            released.ToArray());
        Assert.All(order.Lines, line => Assert.Equal((line.Quantity, 0L, 0L), (line.Cancelled, line.AllocatedMilli, line.BackorderedMilli)));
        Assert.All(order.Lines.SelectMany(l => l.Allocations), a => Assert.True(a.Quantity.IsZero));
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.False(order.CanBeCancelled);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void Cancel_Twice_ReleasesNothingMoreAndCountsNothingTwice()
    {
        var order = NewOrder(10);
        Apply(order, Standard, Take(1, 3));
        order.Cancel();

        var again = order.Cancel();

        Assert.Empty(again);
        Assert.Equal(10m, Line(order, 1).Cancelled.Value);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void CancelLine_CancelsOnlyThatLine()
    {
        var order = NewOrder(5, 5);
        Apply(order, Standard, Take(1, 5), Take(2, 5, location: 20));

        var released = order.CancelLine(2);

        Assert.Equal([new ReleasedStock(1, 20, ItemOf(2), Quantity.Of(5))], released.ToArray());
        Assert.Equal((5m, 0m), (Line(order, 1).Allocated.Value, Line(order, 1).Cancelled.Value));
        Assert.Equal((0m, 5m), (Line(order, 2).Allocated.Value, Line(order, 2).Cancelled.Value));
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.True(order.CanBeCancelled);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void CancelLine_AfterPartOfTheLineWasPicked_CancelsOnlyWhatIsNotPicked()
    {
        var order = NewOrder(10);
        Apply(order, Standard, Take(1, 6, location: 10), Take(1, 4, location: 20));
        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(6));
        Assert.False(order.CanBeCancelled);

        var released = order.CancelLine(1);

        Assert.Equal([new ReleasedStock(1, 20, ItemOf(1), Quantity.Of(4))], released.ToArray());
        var line = Line(order, 1);
        Assert.Equal((6m, 4m), (line.Picked.Value, line.Cancelled.Value));
        Assert.True(line.IsOpen);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void Cancel_ShippedLine_IsLeftAlone()
    {
        var order = NewOrder(5, 5);
        PackWholeLine(order, 1);
        order.RecordShipment(1, Quantity.Of(5));

        order.Cancel();

        Assert.Equal((5m, 0m), (Line(order, 1).Shipped.Value, Line(order, 1).Cancelled.Value));
        Assert.Equal(5m, Line(order, 2).Cancelled.Value);
        Assert.Equal(OrderStatus.Shipped, order.Status);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void CancelLine_TheOnlyWaitingLine_LiftsTheIncompleteHold()
    {
        var order = NewOrder(5, 5);
        Apply(order, HoldUntilComplete, Take(1, 5), Take(2, 2));
        Assert.Equal(OrderHolds.Incomplete, order.Holds);

        order.CancelLine(2);

        Assert.Equal(OrderHolds.None, order.Holds);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.True(order.Releasable);
    }

    [Fact]
    public void CancelLine_UnknownLine_ReleasesNothing()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));

        Assert.Empty(order.CancelLine(7));
        Assert.Equal(5m, Line(order, 1).Allocated.Value);
    }

    [Fact]
    public void CanBeCancelled_OpenAndUnpicked_IsTrue() => Assert.True(NewOrder(5).CanBeCancelled);
}
