using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Data.Events;
using Orderly.Data.Inventory;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests.Storage;

/// <summary>
/// A server's writes to SQLite run on its one kept-open writer connection, with statements kept
/// prepared between writes; the contexts get their own connections back, and without a writer
/// (the CLI, or once the server stops) writes run on the context's own connection as before.
/// </summary>
public class SqliteWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EventRecord Event(string key, string? site) => new()
    {
        At = DateTimeOffset.UnixEpoch,
        Type = "test.writer",
        EntityType = "test",
        EntityKey = key,
        SiteCode = site,
        Data = "{}",
    };

    [Fact]
    public async Task Write_WithAWriter_RunsOnTheWriterAndTheContextGetsItsOwnOpenConnectionBack()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var writer = SqliteWriter.Acquire(world.Settings);
        await using var db = world.NewContext();
        // As a request's context: its connection opened once for all its queries.
        await db.Database.OpenConnectionAsync(Ct);
        var own = db.Database.GetDbConnection();

        System.Data.Common.DbConnection during;
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            during = db.Database.GetDbConnection();
            await db.BeginInserts().Add([Event("first", null)]).ExecuteAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.NotSame(own, during);
        Assert.Equal(ConnectionState.Closed, own.State);
        Assert.Equal(ConnectionState.Open, during.State);
        var after = db.Database.GetDbConnection();
        Assert.NotSame(during, after);
        Assert.Equal(ConnectionState.Open, after.State);
        Assert.Equal(1, await db.Events.CountAsync(e => e.EntityKey == "first", Ct));

        // The next write borrows the same writer, still open.
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            Assert.Same(during, db.Database.GetDbConnection());
            await transaction.RollbackAsync(Ct);
        }
    }

    [Fact]
    public async Task Write_ContextConnectionClosed_StaysClosedAfterwards()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var writer = SqliteWriter.Acquire(world.Settings);
        await using var db = world.NewContext();

        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            await db.BeginInserts().Add([Event("closed", "BR-TEST")]).ExecuteAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        // A query still opens and closes a connection of the context's own.
        Assert.Equal("BR-TEST", await db.Events.Where(e => e.EntityKey == "closed").Select(e => e.SiteCode).SingleAsync(Ct));
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [Fact]
    public async Task Writes_FromContextsRacing_EachLandsOnceAndRolledBackOnesNotAtAll()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var writer = SqliteWriter.Acquire(world.Settings);
        var bolts = world.Bucket(world.BinA, world.Bolt);
        await using (var setup = world.NewContext())
        await using (var transaction = await setup.BeginWriteAsync(Ct))
        {
            Assert.True(await new LedgerStore(setup).TryPostAllAsync([StockMovement.Receipt(bolts, Quantity.Of(1_000))], "test", DateTimeOffset.UnixEpoch, Ct));
            await transaction.CommitAsync(Ct);
        }

        const int Clients = 4, WritesEach = 25;
        // Each write moves one bolt to allocated and records an event, through the kept statements;
        // every fifth is rolled back. Alternating null and non-null values checks each write binds its own.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            await using var db = world.NewContext();
            await db.Database.OpenConnectionAsync(Ct);
            for (var write = 0; write < WritesEach; write++)
            {
                await using var transaction = await db.BeginWriteAsync(Ct);
                var inserts = db.BeginInserts();
                Assert.True(await new LedgerStore(db).TryPostAllAsync(
                    [StockMovement.Move(bolts, bolts with { Status = InventoryStatus.Allocated }, Quantity.Of(1), $"W-{client}-{write}")],
                    "test", DateTimeOffset.UnixEpoch, Ct, inserts));
                await inserts.Add([Event($"{client}-{write}", write % 2 == 0 ? null : $"S-{client}-{write}")]).ExecuteAsync(Ct);
                if (write % 5 == 4) await transaction.RollbackAsync(Ct);
                else await transaction.CommitAsync(Ct);
            }
        }, Ct)));

        await using var reader = world.NewContext();
        var kept = Clients * WritesEach * 4 / 5;
        var events = await reader.Events.AsNoTracking().Where(e => e.Type == "test.writer").ToListAsync(Ct);
        Assert.Equal(kept, events.Count);
        Assert.All(events, e =>
        {
            var write = int.Parse(e.EntityKey.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotEqual(4, write % 5);
            Assert.Equal(write % 2 == 0 ? null : $"S-{e.EntityKey}", e.SiteCode);
        });
        Assert.Equal(kept, await reader.Movements.CountAsync(m => m.Reference!.StartsWith("W-"), Ct));
        var balances = await reader.Balances.AsNoTracking().Where(b => b.ItemId == world.Bolt).ToDictionaryAsync(b => b.Status, b => b.QuantityMilli, Ct);
        Assert.Equal((1_000 - kept) * 1_000L, balances[InventoryStatus.Available]);
        Assert.Equal(kept * 1_000L, balances[InventoryStatus.Allocated]);
    }

    [Fact]
    public async Task Write_AfterTheLastRegistrationEnds_RunsOnTheContextsOwnConnection()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var first = SqliteWriter.Acquire(world.Settings);
        await using var second = SqliteWriter.Acquire(world.Settings);
        await using var db = world.NewContext();
        await db.Database.OpenConnectionAsync(Ct);
        var own = db.Database.GetDbConnection();

        // Disposing one registration twice counts once: the other still holds the writer.
        await first.DisposeAsync();
        await first.DisposeAsync();
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            Assert.NotSame(own, db.Database.GetDbConnection());
            await transaction.RollbackAsync(Ct);
        }

        await second.DisposeAsync();
        own = db.Database.GetDbConnection();
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            Assert.Same(own, db.Database.GetDbConnection());
            await db.BeginInserts().Add([Event("own", null)]).ExecuteAsync(Ct);
            await transaction.CommitAsync(Ct);
        }
        Assert.Equal(1, await db.Events.CountAsync(e => e.EntityKey == "own", Ct));
    }

    [Fact]
    public async Task Write_WithoutAWriter_RunsAndCommitsOnTheContextsOwnConnection()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var db = world.NewContext();
        await db.Database.OpenConnectionAsync(Ct);
        var own = db.Database.GetDbConnection();

        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            Assert.Same(own, db.Database.GetDbConnection());
            await db.BeginInserts().Add([Event("cli", null)]).ExecuteAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Same(own, db.Database.GetDbConnection());
        await using var reader = world.NewContext();
        Assert.Equal(1, await reader.Events.CountAsync(e => e.EntityKey == "cli", Ct));
    }

    [Fact]
    public async Task Write_FailingInsideALoan_RollsBackAndTheNextWriteUsesTheWriterCleanly()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var writer = SqliteWriter.Acquire(world.Settings);
        var bolts = world.Bucket(world.BinA, world.Bolt);
        await using var db = world.NewContext();
        await db.Database.OpenConnectionAsync(Ct);

        // An insert the schema refuses (a movement of nothing breaks its CHECK) fails the write halfway.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(async () =>
        {
            await using var transaction = await db.BeginWriteAsync(Ct);
            await db.BeginInserts().Add([Event("before-failure", null)]).ExecuteAsync(Ct);
            await db.BeginInserts().Add([new MovementRecord { At = DateTimeOffset.UnixEpoch, Kind = MovementKind.Receipt, SiteId = world.SiteId, ItemId = world.Bolt, Quantity = Quantity.Zero, ToLocationId = world.BinA, ToStatus = InventoryStatus.Available, Actor = "test" }]).ExecuteAsync(Ct);
        });

        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            Assert.True(await new LedgerStore(db).TryPostAllAsync([StockMovement.Receipt(bolts, Quantity.Of(3))], "test", DateTimeOffset.UnixEpoch, Ct));
            await transaction.CommitAsync(Ct);
        }
        await using var reader = world.NewContext();
        Assert.Equal(0, await reader.Events.CountAsync(e => e.EntityKey == "before-failure", Ct));
        Assert.Equal(3_000L, await reader.Balances.Where(b => b.ItemId == world.Bolt).SumAsync(b => b.QuantityMilli, Ct));
    }

    [Fact]
    public async Task Write_CancelledWhileQueued_GivesTheContextItsOpenConnectionBack()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var writer = SqliteWriter.Acquire(world.Settings);
        await using var holder = world.NewContext();
        await using var queued = world.NewContext();
        await queued.Database.OpenConnectionAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await using (await holder.BeginWriteAsync(Ct))
        {
            // The writer is held, so this one waits in the queue until it is cancelled.
            var waiting = queued.BeginWriteAsync(cancel.Token);
            Assert.False(waiting.IsCompleted);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        Assert.Equal(ConnectionState.Open, queued.Database.GetDbConnection().State);
        Assert.Null(queued.Database.CurrentTransaction);
    }

    [Fact]
    public async Task Release_WhileAWriteHoldsTheWriter_WaitsForIt_ThenWritesUseTheirOwnConnection()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        var writer = SqliteWriter.Acquire(world.Settings);
        await using var db = world.NewContext();

        Task release;
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            release = writer.DisposeAsync().AsTask();
            // The write in progress holds the writer; closing it now would end that write.
            Assert.False(release.IsCompleted);
            await db.BeginInserts().Add([Event("during-release", null)]).ExecuteAsync(Ct);
            await transaction.CommitAsync(Ct);
        }
        await release;

        var own = db.Database.GetDbConnection();
        await using (var transaction = await db.BeginWriteAsync(Ct))
        {
            Assert.Same(own, db.Database.GetDbConnection());
            await transaction.RollbackAsync(Ct);
        }
        await using var reader = world.NewContext();
        Assert.Equal(1, await reader.Events.CountAsync(e => e.EntityKey == "during-release", Ct));
    }

    [Fact]
    public async Task Write_FromPooledContexts_EachLeaseGetsItsOwnConnectionBack()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        await using var writer = SqliteWriter.Acquire(world.Settings);
        var options = OrderlyDatabase.Configure(new DbContextOptionsBuilder<SqliteOrderlyDbContext>(), world.Settings).Options;
        var pool = new PooledDbContextFactory<SqliteOrderlyDbContext>(options, poolSize: 1);

        for (var lease = 0; lease < 3; lease++)
        {
            // One context in the pool: every lease is the same context, reset in between, as a server's requests get them.
            await using var db = await pool.CreateDbContextAsync(Ct);
            await db.Database.OpenConnectionAsync(Ct);
            var own = db.Database.GetDbConnection();
            await using (var transaction = await db.BeginWriteAsync(Ct))
            {
                Assert.NotSame(own, db.Database.GetDbConnection());
                await db.BeginInserts().Add([Event($"lease-{lease}", null)]).ExecuteAsync(Ct);
                await transaction.CommitAsync(Ct);
            }
            Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
            Assert.Equal(lease + 1, await db.Events.CountAsync(e => e.EntityKey.StartsWith("lease-"), Ct));
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public void Acquire_PostgresDatabase_Refused() =>
        Assert.Throws<ArgumentException>(() => SqliteWriter.Acquire(new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1")));
}
