using FsCheck;
using FsCheck.Fluent;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;

namespace Orderly.Core.Tests.Inventory;

/// <summary>
/// Ledger conservation, for any sequence of movements: balances equal the sum of the accepted
/// movements, nothing is created or lost, no balance goes negative, and a refused movement
/// changes nothing.
/// </summary>
public class StockLedgerProperties
{
    /// <summary>One generated operation on a small world: 2 sites x 2 locations x 2 items x 3 statuses.</summary>
    public sealed record Op(int Kind, int Site, int Location, int Item, int Status, int ToLocation, int ToStatus, int Units);

    private static readonly InventoryStatus[] Statuses = [InventoryStatus.Available, InventoryStatus.Quarantine, InventoryStatus.Damaged];

    private static Gen<Op> OpGen =>
        from kind in Gen.Choose(0, 4)
        from site in Gen.Choose(1, 2)
        from location in Gen.Choose(1, 2)
        from item in Gen.Choose(1, 2)
        from status in Gen.Choose(0, 2)
        from toLocation in Gen.Choose(1, 2)
        from toStatus in Gen.Choose(0, 2)
        from units in Gen.Choose(1, 50)
        select new Op(kind, site, location, item, status, toLocation, toStatus, units);

    private static StockMovement? ToMovement(Op op)
    {
        var bucket = new StockBucket(op.Site, op.Location, op.Item, Statuses[op.Status]);
        var quantity = Quantity.Of(op.Units);
        return op.Kind switch
        {
            0 => StockMovement.Receipt(bucket, quantity),
            1 => StockMovement.Shipment(bucket, quantity),
            2 => StockMovement.Adjustment(bucket, increase: true, quantity, "found"),
            3 => StockMovement.Adjustment(bucket, increase: false, quantity, "lost"),
            _ => bucket with { LocationId = op.ToLocation, Status = Statuses[op.ToStatus] } is var target && target != bucket
                ? StockMovement.Move(bucket, target, quantity)
                : null,
        };
    }

    [FsCheck.Xunit.Property(MaxTest = 300, Replay = "20261126,1")]
    public Property Balances_EqualSumOfAcceptedMovements_AndNothingIsCreatedOrLost() =>
        Prop.ForAll(Arb.From(Gen.ListOf(OpGen).Select(ops => ops.ToArray())), ops =>
        {
            var ledger = new StockLedger();
            var expected = new Dictionary<StockBucket, long>();
            foreach (var movement in ops.Select(ToMovement).OfType<StockMovement>())
            {
                var before = ledger.Balances.ToDictionary();
                var (totalIn, totalOut) = (ledger.TotalIn, ledger.TotalOut);
                if (!ledger.TryApply(movement))
                {
                    Assert.Equal(before, ledger.Balances.ToDictionary());
                    Assert.Equal((totalIn, totalOut), (ledger.TotalIn, ledger.TotalOut));
                    Assert.True(ledger.BalanceOf(movement.From!.Value) < movement.Quantity);
                    continue;
                }
                if (movement.From is { } source) expected[source] = expected.GetValueOrDefault(source) - movement.Quantity.Milli;
                if (movement.To is { } target) expected[target] = expected.GetValueOrDefault(target) + movement.Quantity.Milli;
            }

            foreach (var (bucket, milli) in expected)
            {
                Assert.True(milli >= 0, $"{bucket} went negative");
                Assert.Equal(milli, ledger.BalanceOf(bucket).Milli);
            }
            Assert.Equal(ledger.TotalIn.Milli - ledger.TotalOut.Milli, ledger.Total.Milli);
        });

    [Fact]
    public void TryApply_TakingMoreThanHeld_IsRefused()
    {
        var ledger = new StockLedger();
        var bucket = new StockBucket(1, 1, 1, InventoryStatus.Available);
        Assert.True(ledger.TryApply(StockMovement.Receipt(bucket, Quantity.Of(5))));
        Assert.False(ledger.TryApply(StockMovement.Shipment(bucket, Quantity.Of(6))));
        Assert.Equal(Quantity.Of(5), ledger.BalanceOf(bucket));
    }

    [Fact]
    public void Move_AcrossSitesOrItems_IsNotAMove()
    {
        var origin = new StockBucket(1, 1, 1, InventoryStatus.Available);
        Assert.Throws<ArgumentException>(() => StockMovement.Move(origin, origin with { SiteId = 2 }, Quantity.Of(1)));
        Assert.Throws<ArgumentException>(() => StockMovement.Move(origin, origin with { ItemId = 2 }, Quantity.Of(1)));
        Assert.Throws<ArgumentException>(() => StockMovement.Move(origin, origin, Quantity.Of(1)));
    }

    [Fact]
    public void Adjustment_UnknownReason_Throws() =>
        Assert.Throws<ArgumentException>(() => StockMovement.Adjustment(new StockBucket(1, 1, 1, InventoryStatus.Available), true, Quantity.Of(1), "because"));
}
