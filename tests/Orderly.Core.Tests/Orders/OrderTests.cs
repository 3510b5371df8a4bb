using Orderly.Core.Allocation;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Policies;

namespace Orderly.Core.Tests.Orders;

/// <summary>
/// The order's own rules, through its public methods only. This part holds the fixtures;
/// the other parts hold allocation, fulfilment (pick, pack, ship), cancellation, status and the
/// conservation property.
/// </summary>
public partial class OrderTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private const int LeadTimeDays = 7;
    private static readonly PolicyContext Context = new("C-100", "wholesale", "BOS", "East");
    private static readonly ShipToAddress ShipTo = new("MAIN", "Acme Tools", "1 Main St", null, "Boston", "MA", "02101", "US", IsDefault: true);

    /// <summary>The item of line <c>n</c> is <c>100 + n</c>, so takes and assertions can name it without a lookup.</summary>
    private static long ItemOf(int lineNumber) => 100 + lineNumber;

    private static Order NewOrder(params decimal[] lineQuantities) => NewOrder(requestedDate: null, creditHold: false, lineQuantities);

    private static Order NewOrder(DateOnly? requestedDate, bool creditHold, params decimal[] lineQuantities) =>
        new(OrderChannel.Api, "PO-1", customerId: 1, Context.CustomerAccount, homeSiteId: 1, ShipTo, requestedDate, OrderPriority.Standard,
            lineQuantities.Select((quantity, i) => new OrderLine(i + 1, ItemOf(i + 1), $"SKU-{i + 1}", quantity, "EA", Quantity.Of(quantity))),
            creditHold, Now);

    /// <summary>The policies in force: the standards, with the given values set as East region variations.</summary>
    private static ResolvedPolicyDictionary Policies(params (string Key, string Value)[] variations) =>
        PolicyResolver.ResolveAll(
            [.. variations.Select(v => new PolicyValue(v.Key, PolicyScope.Region, "East", v.Value, 1, "pmo", "pilot", Now.AddYears(1), Now.AddDays(-1)))],
            Context, Now);

    private static readonly ResolvedPolicyDictionary Standard = Policies();
    private static readonly ResolvedPolicyDictionary HoldUntilComplete = Policies((PolicyKeys.ShipmentPartial, PolicyKeys.HoldUntilComplete));
    private static readonly ResolvedPolicyDictionary CancelRemainder = Policies((PolicyKeys.BackorderHandling, PolicyKeys.CancelRemainder));

    private static PlannedTake Take(int lineNumber, decimal quantity, long site = 1, long location = 10, long? item = null) =>
        new(lineNumber, site, location, item ?? ItemOf(lineNumber), Quantity.Of(quantity));

    private static IReadOnlyList<OrderDecision> Apply(Order order, ResolvedPolicyDictionary policies, params PlannedTake[] takes) =>
        order.ApplyAllocation(takes, policies, _ => LeadTimeDays, site => $"S{site}", Today);

    private static OrderLine Line(Order order, int lineNumber) => order.Lines.Single(l => l.LineNumber == lineNumber);

    /// <summary>Allocates, picks and packs a whole line at one bucket, ready to ship.</summary>
    private static void PackWholeLine(Order order, int lineNumber)
    {
        var line = Line(order, lineNumber);
        Apply(order, Standard, Take(lineNumber, line.Backordered.Value));
        foreach (var allocation in line.Allocations.Where(a => a.QuantityMilli > 0).ToList())
            order.RecordPick(allocation, allocation.Quantity);
        order.RecordPack(lineNumber, line.Picked);
    }

    private static void AssertStagesAddUp(Order order)
    {
        foreach (var line in order.Lines)
        {
            long[] stages = [line.AllocatedMilli, line.PickedMilli, line.PackedMilli, line.ShippedMilli, line.BackorderedMilli, line.CancelledMilli];
            Assert.All(stages, stage => Assert.True(stage >= 0, $"line {line.LineNumber} has a negative stage"));
            Assert.Equal(line.QuantityMilli, stages.Sum());
            Assert.Equal(line.AllocatedMilli, line.Allocations.Sum(a => a.QuantityMilli));
        }
    }
}
