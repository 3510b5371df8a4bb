using Orderly.Core.Orders;
using Orderly.Core.Policies;

namespace Orderly.Core.Tests.Orders;

public partial class OrderTests
{
    [Fact]
    public void ApplyAllocation_EveryLineCovered_AllocatesAndNamesTheSourcingPolicy()
    {
        var order = NewOrder(5, 3);

        var decisions = Apply(order, Standard, Take(1, 2, site: 1), Take(1, 3, site: 2, location: 20), Take(2, 3, site: 2, location: 20));

        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.True(order.Releasable);
        Assert.Equal(OrderHolds.None, order.Holds);
        Assert.All(order.Lines, line => Assert.Equal((line.Quantity, 0L), (line.Allocated, line.BackorderedMilli)));
        var first = Assert.Single(decisions, d => d.LineNumber == 1);
        Assert.Equal("Allocated 5 from S1, S2", first.Outcome);
        Assert.Equal(PolicyKeys.AllocationSourcing, first.Policy.Key);
        var orderWide = Assert.Single(decisions, d => d.LineNumber is null);
        Assert.Equal(PolicyKeys.ShipmentPartial, orderWide.Policy.Key);
        Assert.Contains("Every line is allocated", orderWide.Outcome, StringComparison.Ordinal);
        AssertStagesAddUp(order);
    }

    [Fact]
    public void ApplyAllocation_ShipAvailable_BackordersRemainderPromisedAfterLeadTime()
    {
        var order = NewOrder(10);

        var decisions = Apply(order, Standard, Take(1, 4));

        var line = Line(order, 1);
        Assert.Equal((4m, 6m), (line.Allocated.Value, line.Backordered.Value));
        Assert.Equal(Today.AddDays(LeadTimeDays), line.PromiseDate);
        Assert.Equal(OrderStatus.PartiallyAllocated, order.Status);
        Assert.Equal(OrderHolds.None, order.Holds);
        Assert.True(order.Releasable);
        var backorder = Assert.Single(decisions, d => d.LineNumber == 1);
        Assert.Equal("6 backordered, promised 2026-03-09", backorder.Outcome);
        Assert.Equal((PolicyKeys.BackorderHandling, PolicyKeys.Backorder), (backorder.Policy.Key, backorder.Policy.Value));
        var partial = Assert.Single(decisions, d => d.LineNumber is null);
        Assert.Equal((PolicyKeys.ShipmentPartial, PolicyKeys.ShipAvailable), (partial.Policy.Key, partial.Policy.Value));
        Assert.Equal("Ships what is available now; backordered lines follow", partial.Outcome);
        AssertStagesAddUp(order);
    }

    [Theory]
    [InlineData(30, 30)]              // requested after the lead time: the promise waits for the requested date
    [InlineData(3, LeadTimeDays)]     // requested before the lead time is over: the lead time decides
    [InlineData(-5, LeadTimeDays)]    // requested in the past
    public void ApplyAllocation_Backorder_PromiseIsLeadTimeButNeverBeforeRequestedDate(int requestedInDays, int promisedInDays)
    {
        var order = NewOrder(Today.AddDays(requestedInDays), creditHold: false, 10);

        Apply(order, Standard, Take(1, 4));

        Assert.Equal(Today.AddDays(promisedInDays), Line(order, 1).PromiseDate);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(-3, 0)]
    public void ApplyAllocation_FullyAllocated_PromisesTheLaterOfTodayAndRequestedDate(int requestedInDays, int promisedInDays)
    {
        var order = NewOrder(Today.AddDays(requestedInDays), creditHold: false, 10);

        Apply(order, Standard, Take(1, 10));

        Assert.Equal(Today.AddDays(promisedInDays), Line(order, 1).PromiseDate);
    }

    [Fact]
    public void ApplyAllocation_HoldUntilComplete_Incomplete_SetsIncompleteHold()
    {
        var order = NewOrder(5, 5);

        var decisions = Apply(order, HoldUntilComplete, Take(1, 5), Take(2, 1));

        Assert.Equal(OrderHolds.Incomplete, order.Holds);
        Assert.Equal(OrderStatus.Held, order.Status);
        Assert.False(order.Releasable);
        var hold = Assert.Single(decisions, d => d.LineNumber is null);
        Assert.Equal((PolicyKeys.ShipmentPartial, PolicyKeys.HoldUntilComplete, PolicyScope.Region), (hold.Policy.Key, hold.Policy.Value, hold.Policy.Scope));
        Assert.StartsWith("Held until complete", hold.Outcome, StringComparison.Ordinal);
        Assert.Contains("East region variation v1, approved by pmo", hold.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyAllocation_HoldUntilComplete_StillIncomplete_DoesNotRepeatTheHoldDecision()
    {
        var order = NewOrder(5);
        Apply(order, HoldUntilComplete, Take(1, 1));

        var decisions = Apply(order, HoldUntilComplete, Take(1, 1));

        Assert.Equal(OrderHolds.Incomplete, order.Holds);
        Assert.DoesNotContain(decisions, d => d.LineNumber is null);
    }

    [Fact]
    public void ApplyAllocation_HoldUntilComplete_LaterComplete_LiftsTheHold()
    {
        var order = NewOrder(5, 5);
        Apply(order, HoldUntilComplete, Take(1, 5), Take(2, 1));

        var decisions = Apply(order, HoldUntilComplete, Take(2, 4));

        Assert.Equal(OrderHolds.None, order.Holds);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.True(order.Releasable);
        var lifted = Assert.Single(decisions, d => d.LineNumber is null);
        Assert.Equal("Now complete: the hold is lifted and the order may be released", lifted.Outcome);
        Assert.Equal(PolicyKeys.ShipmentPartial, lifted.Policy.Key);
    }

    [Fact]
    public void ApplyAllocation_HoldUntilCompleteLifted_KeepsTheCreditHold()
    {
        var order = NewOrder(requestedDate: null, creditHold: true, 5);
        Apply(order, HoldUntilComplete, Take(1, 2));
        Assert.Equal(OrderHolds.Credit | OrderHolds.Incomplete, order.Holds);

        Apply(order, HoldUntilComplete, Take(1, 3));

        Assert.Equal(OrderHolds.Credit, order.Holds);
        Assert.Equal(OrderStatus.Held, order.Status);
        Assert.False(order.Releasable);
    }

    [Fact]
    public void ApplyAllocation_CancelRemainder_CancelsTheShortfall()
    {
        var order = NewOrder(10);

        var decisions = Apply(order, CancelRemainder, Take(1, 4));

        var line = Line(order, 1);
        Assert.Equal((4m, 0m, 6m), (line.Allocated.Value, line.Backordered.Value, line.Cancelled.Value));
        Assert.True(line.FullyAllocated);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        var cancelled = Assert.Single(decisions, d => d.LineNumber == 1);
        Assert.Equal("6 could not be allocated and was cancelled", cancelled.Outcome);
        Assert.Equal((PolicyKeys.BackorderHandling, PolicyKeys.CancelRemainder), (cancelled.Policy.Key, cancelled.Policy.Value));
        AssertStagesAddUp(order);
    }

    [Fact]
    public void ApplyAllocation_CancelRemainderWithNothingAllocated_CancelsTheOrder()
    {
        var order = NewOrder(10, 2);

        Apply(order, CancelRemainder);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.All(order.Lines, line => Assert.Equal(line.Quantity, line.Cancelled));
        Assert.False(order.Releasable);
    }

    [Fact]
    public void ApplyAllocation_CancelRemainderAndHoldUntilComplete_DoesNotHoldForCancelledUnits()
    {
        var policies = Policies((PolicyKeys.BackorderHandling, PolicyKeys.CancelRemainder), (PolicyKeys.ShipmentPartial, PolicyKeys.HoldUntilComplete));
        var order = NewOrder(10);

        Apply(order, policies, Take(1, 4));

        Assert.Equal(OrderHolds.None, order.Holds);
        Assert.True(order.Releasable);
    }

    [Fact]
    public void ApplyAllocation_SubstituteTake_AllocatesTheSubstituteAndNamesTheSubstitutionPolicy()
    {
        var order = NewOrder(5);

        var decisions = Apply(order, Standard, Take(1, 3), Take(1, 2, item: 999));

        Assert.Equal([ItemOf(1), 999L], Line(order, 1).Allocations.Select(a => a.ItemId).ToArray());
        var substitute = Assert.Single(decisions, d => d.Policy.Key == PolicyKeys.Substitution);
        Assert.Equal((1, "2 filled by an approved substitute"), (substitute.LineNumber, substitute.Outcome));
        Assert.True(Line(order, 1).FullyAllocated);
    }

    [Fact]
    public void ApplyAllocation_TwoTakesFromOneBucket_MakeOneAllocation()
    {
        var order = NewOrder(5);

        Apply(order, Standard, Take(1, 2), Take(1, 3));

        var allocation = Assert.Single(Line(order, 1).Allocations);
        Assert.Equal(5m, allocation.Quantity.Value);
    }

    [Fact]
    public void ApplyAllocation_TakeMoreThanTheLineWaitsFor_Throws()
    {
        var order = NewOrder(5);

        Assert.Throws<InvalidOperationException>(() => Apply(order, Standard, Take(1, 6)));
        Assert.Equal(5m, Line(order, 1).Backordered.Value);
    }

    [Fact]
    public void ApplyAllocation_LineAlreadyAllocated_GetsNoNewDecision()
    {
        var order = NewOrder(5, 5);
        Apply(order, Standard, Take(1, 5));

        var decisions = Apply(order, Standard, Take(2, 5));

        Assert.DoesNotContain(decisions, d => d.LineNumber == 1);
        Assert.Single(decisions, d => d.LineNumber == 2);
    }

    [Fact]
    public void Explanation_NamesLineOutcomeAndPolicy()
    {
        var order = NewOrder(10);

        var backorder = Apply(order, Standard, Take(1, 4)).Single(d => d.LineNumber == 1);

        Assert.Equal(
            "Line 1: 6 backordered, promised 2026-03-09; policy backorder.handling = backorder (backordered with a promise date from the item's lead time), enterprise standard v0.",
            backorder.Explanation);
    }

    [Fact]
    public void Needs_ListsWaitingLinesWithTheirShortfallAndSubstitutes()
    {
        var order = NewOrder(5, 5, 5);
        Apply(order, Standard, Take(1, 5), Take(2, 2));

        var needs = order.Needs(item => item == ItemOf(3) ? [999L] : []);

        Assert.Equal([(2, ItemOf(2), 3m, 0), (3, ItemOf(3), 5m, 1)], needs.Select(n => (n.LineNumber, n.ItemId, n.Quantity.Value, n.Substitutes.Count)).ToArray());
    }
}
