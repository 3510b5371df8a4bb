using Orderly.Core.Inventory;
using Orderly.Core.Orders;

namespace Orderly.Core.Tests.Orders;

public partial class OrderTests
{
    [Fact]
    public void Status_NewOrder_IsBackordered_OrHeldOnCredit()
    {
        Assert.Equal(OrderStatus.Backordered, NewOrder(5).Status);
        var onCredit = NewOrder(requestedDate: null, creditHold: true, 5);
        Assert.Equal((OrderStatus.Held, OrderHolds.Credit), (onCredit.Status, onCredit.Holds));
        Assert.False(onCredit.Releasable);

        onCredit.ReleaseCreditHold();

        Assert.Equal((OrderStatus.Backordered, OrderHolds.None), (onCredit.Status, onCredit.Holds));
    }

    [Fact]
    public void Status_FollowsTheLinesThroughFulfilment()
    {
        var order = NewOrder(5, 5);
        Assert.Equal((OrderStatus.Backordered, "backordered"), (order.Status, Line(order, 1).Status));

        Apply(order, Standard, Take(1, 5), Take(2, 2));
        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.Equal(("allocated", "partially-allocated"), (Line(order, 1).Status, Line(order, 2).Status));

        Apply(order, Standard, Take(2, 3));
        Assert.Equal(OrderStatus.Allocated, order.Status);

        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(5));
        Assert.Equal((OrderStatus.InProgress, "in-progress"), (order.Status, Line(order, 1).Status));

        order.RecordPack(1, Quantity.Of(5));
        order.RecordShipment(1, Quantity.Of(5));
        Assert.Equal((OrderStatus.InProgress, "shipped"), (order.Status, Line(order, 1).Status));

        order.CancelLine(2);
        Assert.Equal((OrderStatus.Shipped, "cancelled"), (order.Status, Line(order, 2).Status));
    }

    [Fact]
    public void Status_PartShippedAndRestCancelled_IsShipped()
    {
        var order = NewOrder(5);
        Apply(order, Standard, Take(1, 3));
        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(3));
        order.RecordPack(1, Quantity.Of(3));
        order.RecordShipment(1, Quantity.Of(3));
        Assert.Equal(OrderStatus.InProgress, order.Status);

        order.CancelLine(1);

        Assert.Equal((OrderStatus.Shipped, "shipped"), (order.Status, Line(order, 1).Status));
    }

    [Fact]
    public void Status_HeldWinsOverInProgress()
    {
        var order = NewOrder(5, 5);
        Apply(order, HoldUntilComplete, Take(1, 5), Take(2, 5, location: 20));
        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(5));
        order.RecordPick(Line(order, 2).Allocations[0], Quantity.Of(4));

        Apply(order, HoldUntilComplete);

        Assert.Equal((OrderStatus.Held, OrderHolds.Incomplete), (order.Status, order.Holds));
    }
}
