using Orderly.Core.Inventory;
using Orderly.Core.Orders;

namespace Orderly.Core.Tests.Orders;

public partial class OrderTests
{
    [Fact]
    public void RecordPick_Full_MovesTheAllocationToPicked()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));
        var allocation = Assert.Single(Line(order, 1).Allocations);

        order.RecordPick(allocation, Quantity.Of(5));

        var line = Line(order, 1);
        Assert.Equal((0m, 5m, 0m), (line.Allocated.Value, line.Picked.Value, line.Backordered.Value));
        Assert.True(allocation.Quantity.IsZero);
        Assert.Equal(OrderStatus.InProgress, order.Status);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void RecordPick_Short_PutsTheMissingQuantityBackToBackordered()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));
        var allocation = Assert.Single(Line(order, 1).Allocations);

        order.RecordPick(allocation, Quantity.Of(3));

        var line = Line(order, 1);
        Assert.Equal((0m, 3m, 2m), (line.Allocated.Value, line.Picked.Value, line.Backordered.Value));
        Assert.False(line.FullyAllocated);
        Assert.Equal(2m, Assert.Single(order.Needs(_ => [])).Quantity.Value);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void RecordPick_NothingFound_PutsTheWholeTaskBackToBackordered()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));

        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Zero);

        Assert.Equal((0m, 0m, 5m), (Line(order, 1).Allocated.Value, Line(order, 1).Picked.Value, Line(order, 1).Backordered.Value));
        Assert.Equal(OrderStatus.Backordered, order.Status);
    }

    [Fact]
    public void RecordPick_MoreThanTasked_ThrowsAndChangesNothing()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));
        var allocation = Line(order, 1).Allocations[0];

        Assert.Throws<InvalidOperationException>(() => order.RecordPick(allocation, Quantity.Of(5.001m)));

        Assert.Equal((5m, 0m), (Line(order, 1).Allocated.Value, Line(order, 1).Picked.Value));
        Assert.Equal(5m, allocation.Quantity.Value);
    }

    [Fact]
    public void RecordPick_ShortThenReallocatedAtTheSameBucket_ReleasedAllocationIsNotReused()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));
        var released = Line(order, 1).Allocations[0];
        released.Release();
        order.RecordPick(released, Quantity.Of(3));

        Apply(order, Standard, Take(1, 2));

        var line = Line(order, 1);
        Assert.Equal(2, line.Allocations.Count);
        Assert.True(released.Quantity.IsZero);
        Assert.False(line.Allocations[1].Released);
        Assert.Equal(2m, line.Allocations[1].Quantity.Value);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void RecordPack_MovesPickedToPacked()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));
        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(5));

        order.RecordPack(1, Quantity.Of(2));

        Assert.Equal((3m, 2m), (Line(order, 1).Picked.Value, Line(order, 1).Packed.Value));
        AssertStagesAddUp(order);
    }

    [Fact]
    public void RecordPack_MoreThanPicked_ThrowsAndChangesNothing()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 5));
        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(3));

        Assert.Throws<InvalidOperationException>(() => order.RecordPack(1, Quantity.Of(4)));

        Assert.Equal((3m, 0m), (Line(order, 1).Picked.Value, Line(order, 1).Packed.Value));
    }

    [Fact]
    public void RecordShipment_MovesPackedToShipped()
    {
        var order = NewOrder(5);
        PackWholeLine(order, 1);

        order.RecordShipment(1, Quantity.Of(5));

        var line = Line(order, 1);
        Assert.Equal((0m, 5m), (line.Packed.Value, line.Shipped.Value));
        Assert.False(line.IsOpen);
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.False(order.Releasable);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void RecordShipment_MoreThanPacked_ThrowsAndChangesNothing()
    {
        var order = NewOrder(5);
        PackWholeLine(order, 1);
        order.RecordShipment(1, Quantity.Of(4));

        Assert.Throws<InvalidOperationException>(() => order.RecordShipment(1, Quantity.Of(2)));

        Assert.Equal((1m, 4m), (Line(order, 1).Packed.Value, Line(order, 1).Shipped.Value));
    }

    [Fact]
    public void RecordShipment_UnknownLine_Throws()
    {
        var order = NewOrder(5);

        Assert.Throws<InvalidOperationException>(() => order.RecordShipment(2, Quantity.Of(1)));
    }
}
