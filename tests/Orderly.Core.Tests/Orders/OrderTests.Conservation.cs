using FsCheck;
using FsCheck.Fluent;
using Orderly.Core.Allocation;
using Orderly.Core.Inventory;
using Orderly.Core.Orders;
using Orderly.Core.Policies;

namespace Orderly.Core.Tests.Orders;

/// <summary>
/// Line conservation, for any sequence of allocations, picks, packs, shipments and cancellations:
/// every unit of every line is in exactly one stage, the allocations hold what the line counts as
/// allocated, a cancellation releases exactly the allocated stock it cancels, and a refused step
/// changes nothing.
/// </summary>
public partial class OrderTests
{
    /// <summary>One generated step; its numbers are read against the order as it stands when the step runs.</summary>
    public sealed record OrderOp(int Kind, int Line, int A, int B, int Variant);

    // A property, not a field: static fields of a partial class initialise in no defined order across its files.
    private static ResolvedPolicyDictionary[] PolicySets =>
    [
        Standard,
        HoldUntilComplete,
        CancelRemainder,
        Policies((PolicyKeys.ShipmentPartial, PolicyKeys.HoldUntilComplete), (PolicyKeys.BackorderHandling, PolicyKeys.CancelRemainder)),
    ];

    private static Gen<OrderOp> OpGen =>
        from kind in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Constant(1)), (3, Gen.Constant(2)), (3, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        from line in Gen.Choose(1, 3)
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 1000)
        from variant in Gen.Choose(0, 7)
        select new OrderOp(kind, line, a, b, variant);

    private static Gen<(long[] Lines, OrderOp[] Ops)> HistoryGen =>
        from lines in Gen.Choose(1, 3).SelectMany(count => Gen.ListOf(Gen.Choose(1, 20_000).Select(milli => (long)milli), count))
        from ops in Gen.ListOf(OpGen)
        select (lines.ToArray(), ops.ToArray());

    private static long Fraction(long milli, int perMille) => milli * perMille / 1000;

    private static object Snapshot(Order order) =>
        (order.Status, order.Holds, string.Join(';', order.Lines.Select(l =>
            $"{l.AllocatedMilli},{l.PickedMilli},{l.PackedMilli},{l.ShippedMilli},{l.BackorderedMilli},{l.CancelledMilli},{l.PromiseDate}"
            + string.Concat(l.Allocations.Select(a => $"|{a.SiteId}/{a.LocationId}/{a.ItemId}={a.QuantityMilli}{(a.Released ? "r" : "")}")))));

    [FsCheck.Xunit.Property(MaxTest = 300, Replay = "20260302,3")]
    public Property Lines_AnyAcceptedHistory_StagesAddUpToTheOrderedQuantity() =>
        Prop.ForAll(Arb.From(HistoryGen), history =>
        {
            var order = new Order(OrderChannel.Api, "PO-P", 1, Context.CustomerAccount, 1, ShipTo, null, OrderPriority.Standard,
                history.Lines.Select((milli, i) => new OrderLine(i + 1, ItemOf(i + 1), $"SKU-{i + 1}", milli / 1000m, "EA", Quantity.FromMilli(milli))),
                creditHold: false, Now);
            foreach (var op in history.Ops)
            {
                Step(order, op);
                AssertStagesAddUp(order);
                if (order.Holds.HasFlag(OrderHolds.Incomplete))
                    Assert.Contains(order.Lines, l => !l.FullyAllocated);
                if (order.Lines.All(l => l.CancelledMilli == l.QuantityMilli))
                    Assert.Equal(OrderStatus.Cancelled, order.Status);
            }
        });

    private static void Step(Order order, OrderOp op)
    {
        var lineNumber = (op.Line - 1) % order.Lines.Count + 1;
        var line = Line(order, lineNumber);
        switch (op.Kind)
        {
            case 0:
                Apply(order, PolicySets[op.Variant % PolicySets.Length], [.. PlanWithinWhatEachLineWaitsFor(order, op)]);
                break;
            case 1:
                var open = order.Lines.SelectMany(l => l.Allocations).Where(a => a.QuantityMilli > 0).ToList();
                if (open.Count == 0) break;
                var allocation = open[op.A % open.Count];
                if (op.Variant % 2 == 0) allocation.Release();
                if (op.Variant == 7)
                    AssertRefusedUnchanged(order, () => order.RecordPick(allocation, Quantity.FromMilli(allocation.QuantityMilli + 1)));
                else
                    order.RecordPick(allocation, Quantity.FromMilli(Fraction(allocation.QuantityMilli, op.B)));
                break;
            case 2:
                var pack = Fraction(line.PickedMilli + 2_000, op.A);
                if (pack > line.PickedMilli) AssertRefusedUnchanged(order, () => order.RecordPack(lineNumber, Quantity.FromMilli(pack)));
                else order.RecordPack(lineNumber, Quantity.FromMilli(pack));
                break;
            case 3:
                var ship = Fraction(line.PackedMilli + 2_000, op.A);
                if (ship > line.PackedMilli) AssertRefusedUnchanged(order, () => order.RecordShipment(lineNumber, Quantity.FromMilli(ship)));
                else order.RecordShipment(lineNumber, Quantity.FromMilli(ship));
                break;
            case 4:
                AssertReleasesWhatItCancels(order, () => order.CancelLine(lineNumber));
                break;
            default:
                AssertReleasesWhatItCancels(order, order.Cancel);
                break;
        }
    }

    /// <summary>Takes a share of what each waiting line still needs, split over two bins and now and then a substitute.</summary>
    private static IEnumerable<PlannedTake> PlanWithinWhatEachLineWaitsFor(Order order, OrderOp op)
    {
        foreach (var line in order.Lines.Where(l => l.BackorderedMilli > 0))
        {
            var amount = Fraction(line.BackorderedMilli, (op.A + 331 * line.LineNumber) % 1001);
            var first = Fraction(amount, op.B);
            var item = op.Variant == 3 ? 999 : line.ItemId;
            if (first > 0) yield return new PlannedTake(line.LineNumber, 1, 10, line.ItemId, Quantity.FromMilli(first));
            if (amount - first > 0) yield return new PlannedTake(line.LineNumber, 2, 20, item, Quantity.FromMilli(amount - first));
        }
    }

    private static void AssertRefusedUnchanged(Order order, Action step)
    {
        var before = Snapshot(order);
        Assert.Throws<InvalidOperationException>(step);
        Assert.Equal(before, Snapshot(order));
    }

    private static void AssertReleasesWhatItCancels(Order order, Func<IReadOnlyList<ReleasedStock>> cancel)
    {
        var allocatedBefore = order.Lines.Sum(l => l.AllocatedMilli);
        var cancelledBefore = order.Lines.Sum(l => l.CancelledMilli);
        var waitingBefore = order.Lines.Sum(l => l.BackorderedMilli);

        var released = cancel();

        var releasedMilli = released.Sum(r => r.Quantity.Milli);
        Assert.Equal(allocatedBefore - order.Lines.Sum(l => l.AllocatedMilli), releasedMilli);
        Assert.Equal(releasedMilli + waitingBefore - order.Lines.Sum(l => l.BackorderedMilli), order.Lines.Sum(l => l.CancelledMilli) - cancelledBefore);
        Assert.All(released, r => Assert.False(r.Quantity.IsZero));
    }
}
