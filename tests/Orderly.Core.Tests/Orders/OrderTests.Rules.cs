using Orderly.Core.Inventory;
using Orderly.Core.Orders;

namespace Orderly.Core.Tests.Orders;

/// <summary>The rules the API, the pages and the services all ask the order, each written once here.</summary>
public partial class OrderTests
{
    [Fact]
    public void CancellationRefusal_AllocatedOrder_IsNone()
    {
        var order = NewOrder(5, 5);
        Apply(order, Standard, Take(1, 5), Take(2, 5, location: 20));

        Assert.Null(order.CancellationRefusal());
        Assert.Null(order.CancellationRefusal(2));
        Assert.True(order.CanBeCancelled);
    }

    [Fact]
    public void CancellationRefusal_LinePicked_RefusesThatLineAndTheOrder_ButNotTheOtherLine()
    {
        var order = NewOrder(5, 5);
        Apply(order, Standard, Take(1, 5), Take(2, 5, location: 20));
        order.RecordPick(Line(order, 1).Allocations[0], Quantity.Of(5));

        Assert.Equal("Line 1 is in the warehouse (a pick task is out, or it is picked); cancel what is left after it ships.", order.CancellationRefusal(1));
        Assert.StartsWith($"Order {order.Number} is in the warehouse", order.CancellationRefusal(), StringComparison.Ordinal);
        Assert.Null(order.CancellationRefusal(2));
        Assert.False(order.CanBeCancelled);
    }

    [Fact]
    public void CancellationRefusal_Cancelled_HasNothingLeftToCancel()
    {
        var order = NewOrder(5, 5);
        order.CancelLine(2);

        Assert.Equal("Line 2 has nothing left to cancel.", order.CancellationRefusal(2));
        Assert.Null(order.CancellationRefusal(1));
        order.Cancel();
        Assert.Equal($"Order {order.Number} has nothing left to cancel.", order.CancellationRefusal());
    }

    [Fact]
    public void WarehouseRefusal_CreditHold_NamesTheHold_AndReleasingItClearsIt()
    {
        var order = NewOrder(requestedDate: null, creditHold: true, 5);
        Apply(order, Standard, Take(1, 5));

        Assert.Equal($"Order {order.Number} is on hold (credit); its goods wait at the staging lane until the hold is lifted.", order.WarehouseRefusal());
        Assert.False(order.Releasable);
        order.ReleaseCreditHold();
        Assert.Null(order.WarehouseRefusal());
        Assert.True(order.Releasable);
    }

    [Fact]
    public void ReleasableRule_AgreesWithReleasable()
    {
        var rule = Order.ReleasableRule.Compile();
        var held = NewOrder(requestedDate: null, creditHold: true, 5);
        var open = NewOrder(5);
        var cancelled = NewOrder(5);
        cancelled.Cancel();

        foreach (var order in new[] { held, open, cancelled })
            Assert.Equal(order.Releasable, rule(order));
        Assert.Equal((false, true, false), (rule(held), rule(open), rule(cancelled)));
    }

    [Fact]
    public void HoldCodes_AreTheApisWords()
    {
        Assert.Equal(["credit", "incomplete"], Order.HoldCodes(OrderHolds.Credit | OrderHolds.Incomplete));
        Assert.Empty(Order.HoldCodes(OrderHolds.None));
    }
}
