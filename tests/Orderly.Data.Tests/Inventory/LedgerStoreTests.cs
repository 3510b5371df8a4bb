using Microsoft.EntityFrameworkCore;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Data.Inventory;
using Orderly.Testing;

namespace Orderly.Data.Tests.Inventory;

/// <summary>The database ledger obeys the same rule as the domain ledger, on every provider.</summary>
public class LedgerStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<bool> PostAsync(OrderlyDbContext db, StockMovement movement)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var posted = await new LedgerStore(db).TryPostAsync(movement, "test", DateTimeOffset.UnixEpoch, Ct);
        if (posted) await transaction.CommitAsync(Ct);
        else await transaction.RollbackAsync(Ct);
        return posted;
    }

    private static async Task<Dictionary<StockBucket, long>> StoredBalancesAsync(OrderlyDbContext db) =>
        await db.Balances.AsNoTracking().Where(b => b.QuantityMilli > 0)
            .ToDictionaryAsync(b => new StockBucket(b.SiteId, b.LocationId, b.ItemId, b.Status), b => b.QuantityMilli, Ct);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_SeededRandomMovements_StoredBalancesMatchDomainLedger(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var random = new Random(42);
        var ledger = new StockLedger();
        long[] locations = [world.BinA, world.BinB];
        long[] items = [world.Bolt, world.Cable];
        InventoryStatus[] statuses = [InventoryStatus.Available, InventoryStatus.Quarantine];
        StockBucket Any() => world.Bucket(locations[random.Next(2)], items[random.Next(2)], statuses[random.Next(2)]);

        for (var step = 0; step < 200; step++)
        {
            var bucket = Any();
            var quantity = Quantity.Of(random.Next(1, 40));
            var movement = random.Next(5) switch
            {
                0 or 1 => StockMovement.Receipt(bucket, quantity),
                2 => StockMovement.Shipment(bucket, quantity),
                3 => StockMovement.Adjustment(bucket, random.Next(2) == 0, quantity, "cycle-count"),
                _ => StockMovement.Move(bucket, bucket with { LocationId = bucket.LocationId == world.BinA ? world.BinB : world.BinA }, quantity),
            };
            Assert.Equal(ledger.TryApply(movement), await PostAsync(world.Db, movement));
        }

        var expected = ledger.Balances.ToDictionary(b => b.Key, b => b.Value.Milli);
        Assert.Equal(expected, await StoredBalancesAsync(world.Db));
        var movements = await world.Db.Movements.AsNoTracking().ToListAsync(Ct);
        var fromMovements = movements.Sum(m => (m.ToLocationId is null ? 0 : m.QuantityMilli) - (m.FromLocationId is null ? 0 : m.QuantityMilli));
        Assert.Equal(expected.Values.Sum(), fromMovements);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_TakingMoreThanHeld_ChangesNothing(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var bucket = world.Bucket(world.BinA, world.Bolt);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(bucket, Quantity.Of(5))));

        Assert.False(await PostAsync(world.Db, StockMovement.Move(bucket, bucket with { LocationId = world.BinB }, Quantity.Of(6))));

        world.Db.ChangeTracker.Clear();
        Assert.Equal(Quantity.Of(5), await new LedgerStore(world.Db).BalanceAsync(bucket, Ct));
        Assert.Equal(Quantity.Zero, await new LedgerStore(world.Db).BalanceAsync(bucket with { LocationId = world.BinB }, Ct));
        Assert.Equal(1, await world.Db.Movements.CountAsync(Ct));
    }

    private static async Task<bool> PostAllAsync(OrderlyDbContext db, params StockMovement[] movements)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var posted = await new LedgerStore(db).TryPostAllAsync(movements, "test", DateTimeOffset.UnixEpoch, Ct);
        if (posted) await transaction.CommitAsync(Ct);
        else await transaction.RollbackAsync(Ct);
        return posted;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PostAll_SeveralMoves_MatchTheDomainLedgerAndWriteEveryMovement(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var bolts = world.Bucket(world.BinA, world.Bolt);
        var cable = world.Bucket(world.BinB, world.Cable);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(bolts, Quantity.Of(10))));
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(cable, Quantity.Of(4.5m))));
        var ledger = new StockLedger();
        StockMovement[] receipts = [StockMovement.Receipt(bolts, Quantity.Of(10)), StockMovement.Receipt(cable, Quantity.Of(4.5m))];
        foreach (var receipt in receipts) Assert.True(ledger.TryApply(receipt));

        StockMovement[] moves =
        [
            StockMovement.Move(bolts, bolts with { Status = InventoryStatus.Allocated }, Quantity.Of(3), "SO-1"),
            StockMovement.Move(bolts, bolts with { Status = InventoryStatus.Allocated }, Quantity.Of(2), "SO-1"),
            StockMovement.Move(cable, cable with { Status = InventoryStatus.Allocated }, Quantity.Of(1.25m), "SO-1"),
        ];
        Assert.True(await PostAllAsync(world.Db, moves));
        foreach (var move in moves) Assert.True(ledger.TryApply(move));

        world.Db.ChangeTracker.Clear();
        Assert.Equal(ledger.Balances.ToDictionary(b => b.Key, b => b.Value.Milli), await StoredBalancesAsync(world.Db));
        var written = await world.Db.Movements.AsNoTracking().Where(m => m.Reference == "SO-1").OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal([3_000L, 2_000L, 1_250L], written.Select(m => m.QuantityMilli));
        Assert.All(written, m => Assert.Equal(InventoryStatus.Allocated, m.ToStatus));
        Assert.All(written, m => Assert.Equal(DateTimeOffset.UnixEpoch, m.At));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PostAll_OneTakeFindsTooLittle_ReportsItAndTheRollbackKeepsEverything(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var bolts = world.Bucket(world.BinA, world.Bolt);
        var cable = world.Bucket(world.BinB, world.Cable);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(bolts, Quantity.Of(10))));
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(cable, Quantity.Of(1))));

        Assert.False(await PostAllAsync(world.Db,
            StockMovement.Move(bolts, bolts with { Status = InventoryStatus.Allocated }, Quantity.Of(3), "SO-2"),
            StockMovement.Move(cable, cable with { Status = InventoryStatus.Allocated }, Quantity.Of(2), "SO-2")));

        world.Db.ChangeTracker.Clear();
        Assert.Equal(new Dictionary<StockBucket, long> { [bolts] = 10_000, [cable] = 1_000 }, await StoredBalancesAsync(world.Db));
        Assert.Equal(0, await world.Db.Movements.CountAsync(m => m.Reference == "SO-2", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_FractionalQuantity_IsStoredExactly(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var bucket = world.Bucket(world.BinA, world.Cable);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(bucket, Quantity.Of(12.345m))));
        Assert.True(await PostAsync(world.Db, StockMovement.Shipment(bucket, Quantity.Of(0.345m))));
        Assert.Equal(Quantity.Of(12m), await new LedgerStore(world.Db).BalanceAsync(bucket, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_OutsideATransaction_IsRefused(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new LedgerStore(world.Db).TryPostAsync(StockMovement.Receipt(world.Bucket(world.BinA, world.Bolt), Quantity.Of(1)), "test", DateTimeOffset.UnixEpoch, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BalanceCheckConstraint_RefusesANegativeBalance_EvenFromRawSql(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var bucket = world.Bucket(world.BinA, world.Bolt);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(bucket, Quantity.Of(1))));
        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => world.Db.Database.ExecuteSqlAsync(
            $"UPDATE stock_balances SET quantity_milli = -1 WHERE item_id = {world.Bolt}", Ct));
        Assert.Contains("ck_stock_balances_quantity_not_negative", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Quantity.Of(1), await new LedgerStore(world.Db).BalanceAsync(bucket, Ct));
    }

    /// <summary>
    /// Eight clients race 100 one-unit takes for 50 units: exactly 50 succeed and the bucket ends at
    /// zero. The races are real: separate connections, released together by a barrier.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentTakes_NeverTakeMoreThanHeld(string provider)
    {
        const int clients = 8, attempts = 100, stock = 50;
        await using var world = await StorageWorld.CreateAsync(provider);
        var source = world.Bucket(world.BinA, world.Bolt);
        var target = world.Bucket(world.BinB, world.Bolt, InventoryStatus.Quarantine);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(source, Quantity.Of(stock))));

        var next = -1;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            await using var db = world.NewContext();
            await db.Database.OpenConnectionAsync(Ct);
            await gate.Task;
            var succeeded = 0;
            while (Interlocked.Increment(ref next) < attempts)
                if (await PostAsync(db, StockMovement.Move(source, target, Quantity.Of(1)))) succeeded++;
            return succeeded;
        }, Ct)).ToList();
        gate.SetResult();
        var successes = (await Task.WhenAll(workers)).Sum();

        Assert.Equal(stock, successes);
        var store = new LedgerStore(world.Db);
        Assert.Equal(Quantity.Zero, await store.BalanceAsync(source, Ct));
        Assert.Equal(Quantity.Of(stock), await store.BalanceAsync(target, Ct));
        Assert.Equal(stock + 1, await world.Db.Movements.CountAsync(Ct));
    }

    /// <summary>
    /// Regression: opposite moves between the same two buckets used to lock the rows in opposite
    /// orders and could deadlock on PostgreSQL. Each client moves one unit back and forth; the
    /// total never changes and no client fails.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OppositeMoves_Concurrently_NeitherDeadlockNorLoseStock(string provider)
    {
        const int clients = 6, rounds = 40;
        await using var world = await StorageWorld.CreateAsync(provider);
        var a = world.Bucket(world.BinA, world.Bolt);
        var b = world.Bucket(world.BinB, world.Bolt);
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(a, Quantity.Of(100))));
        Assert.True(await PostAsync(world.Db, StockMovement.Receipt(b, Quantity.Of(100))));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            await using var db = world.NewContext();
            await gate.Task;
            for (var round = 0; round < rounds; round++)
            {
                var forward = (client + round) % 2 == 0;
                Assert.True(await PostAsync(db, forward ? StockMovement.Move(a, b, Quantity.Of(1)) : StockMovement.Move(b, a, Quantity.Of(1))));
            }
        }, Ct)).ToList();
        gate.SetResult();
        await Task.WhenAll(workers);

        var store = new LedgerStore(world.Db);
        Assert.Equal(Quantity.Of(200), await store.BalanceAsync(a, Ct) + await store.BalanceAsync(b, Ct));
    }
}
