using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Orderly.Core.Allocation;
using Orderly.Core.Orders;
using Orderly.Core.Inventory;
using Orderly.Core.Policies;
using Orderly.Data.Orders;
using Orderly.Data.Storage;
using Orderly.Testing;
using static Orderly.Data.Tests.Orders.NewOrderRowsTests;

namespace Orderly.Data.Tests.Orders;

/// <summary>
/// Every allocation stores its line's order (a caller scoped to some sites finds the orders allocated
/// there from the allocations alone), whichever path wrote it: a new order's insert, the change
/// tracker on a stored order, or the migration that added the column to a database already in use.
/// </summary>
public class AllocationOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertNew_AllocatedBeforeItsKeysWereReserved_AllocationsStillCarryTheOrder(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);
        var order = NewOrder(world, customerId, "PO-1");
        // Allocated while the order has no id yet: the insert gives the allocations their order.
        Allocate(world, order);
        Assert.All(order.Lines.SelectMany(l => l.Allocations), a => Assert.Equal(0, a.OrderId));

        await using (var transaction = await world.Db.BeginWriteAsync(Ct))
        {
            await world.Db.ReserveKeysAsync(order, Ct);
            await world.Db.InsertNewAsync(order, Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal([(order.Id, 3)], await StoredOrdersOfAllocationsAsync(world));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_AllocationAddedToAStoredOrder_CarriesTheOrder(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);
        var other = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-0"));
        var written = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-1"));

        // As when stock arrives for a backorder: the stored order is loaded and allocated further.
        await using (var db = world.NewContext())
        {
            var order = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Allocations).SingleAsync(o => o.Id == written.Id, Ct);
            var policies = PolicyResolver.ResolveAll([], new PolicyContext("C-100", "contractor", "BR-TEST", "Central"), Now);
            order.ApplyAllocation([new PlannedTake(2, world.SiteId, world.BinB, world.Cable, Quantity.Of(10))],
                policies, _ => 7, _ => "BR-TEST", DateOnly.FromDateTime(Now.UtcDateTime));
            await db.SaveChangesAsync(Ct);
        }

        var stored = await StoredOrdersOfAllocationsAsync(world);
        Assert.Equal([(other.Id, 3), (written.Id, 4)], stored);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migration_DatabaseWithAllocations_FillsEachOnesOrderFromItsLine(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);
        var first = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-1"));
        var second = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-2"));

        // Back to the schema before the column, with the allocations still stored, then up again.
        await using (var db = world.NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_AllocationsKnowTheirOrder", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[added - 1], Ct);
            Assert.Equal(6, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM line_allocations").SingleAsync(Ct));
            await OrderlyDatabase.MigrateAsync(db, Ct);
        }

        Assert.Equal([(first.Id, 3), (second.Id, 3)], await StoredOrdersOfAllocationsAsync(world));
    }

    /// <summary>Each stored order id on the allocations, with how many carry it, checked against each allocation's line.</summary>
    private static async Task<List<(long OrderId, int Allocations)>> StoredOrdersOfAllocationsAsync(StorageWorld world)
    {
        await using var db = world.NewContext();
        var rows = await (from a in db.LineAllocations
                          join l in db.OrderLines on a.OrderLineId equals l.Id
                          select new { a.OrderId, LineOrderId = l.OrderId }).ToListAsync(Ct);
        Assert.All(rows, r => Assert.Equal(r.LineOrderId, r.OrderId));
        return rows.GroupBy(r => r.OrderId).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
    }
}
