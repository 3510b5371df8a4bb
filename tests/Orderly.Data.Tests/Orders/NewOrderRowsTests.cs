using Microsoft.EntityFrameworkCore;
using Orderly.Core.Allocation;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Policies;
using Orderly.Data.Orders;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests.Orders;

/// <summary>
/// A new order written once, outside the change tracker, reads back through EF Core exactly as
/// the domain left it, with keys that follow the ones already stored, on every provider.
/// </summary>
public class NewOrderRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    internal static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);
    internal static readonly ShipToAddress ShipTo = new("MAIN", "Acme Tools", "1 Main St", null, "Boston", "MA", "02101", "US", IsDefault: true);

    internal static async Task<long> AddCustomerAsync(StorageWorld world)
    {
        var customer = new Customer("C-100", new CustomerDetails("Acme Tools", "contractor", world.SiteId, [ShipTo], Blocked: false, CreditHold: false));
        world.Db.Customers.Add(customer);
        await world.Db.SaveChangesAsync(Ct);
        world.Db.ChangeTracker.Clear();
        return customer.Id;
    }

    internal static Order NewOrder(StorageWorld world, long customerId, string externalRef) =>
        new(OrderChannel.Api, externalRef, customerId, "C-100", world.SiteId, ShipTo, null, OrderPriority.Standard,
            [
                new OrderLine(1, world.Bolt, "BLT-M10", 10, "EA", Quantity.Of(10)),
                new OrderLine(2, world.Cable, "CBL-3G15", 25, "M", Quantity.Of(25)),
            ],
            creditHold: false, Now);

    /// <summary>Line 1 allocated whole from two bins, line 2 partly (the rest backordered).</summary>
    internal static void Allocate(StorageWorld world, Order order)
    {
        var policies = PolicyResolver.ResolveAll([], new PolicyContext("C-100", "contractor", "BR-TEST", "Central"), Now);
        order.ApplyAllocation(
            [
                new PlannedTake(1, world.SiteId, world.BinA, world.Bolt, Quantity.Of(6)),
                new PlannedTake(1, world.SiteId, world.BinB, world.Bolt, Quantity.Of(4)),
                new PlannedTake(2, world.SiteId, world.BinA, world.Cable, Quantity.Of(15)),
            ],
            policies, _ => 7, _ => "BR-TEST", DateOnly.FromDateTime(Now.UtcDateTime));
    }

    internal static async Task<Order> WriteAsync(OrderlyDbContext db, StorageWorld world, Order order)
    {
        await using var transaction = await db.BeginWriteAsync(Ct);
        await db.ReserveKeysAsync(order, Ct);
        Allocate(world, order);
        await db.InsertNewAsync(order, Ct);
        await transaction.CommitAsync(Ct);
        return order;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertNew_AllocatedOrder_ReadsBackAsTheDomainLeftIt(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);

        var written = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-1"));

        await using var reader = world.NewContext();
        var stored = await reader.Orders.AsNoTracking().Include(o => o.Lines).ThenInclude(l => l.Allocations).SingleAsync(o => o.Id == written.Id, Ct);
        Assert.Equal($"SO-{written.Id:D7}", stored.Number);
        Assert.Equal(written.Status, stored.Status);
        Assert.Equal(ShipTo, stored.ShipTo);
        Assert.Equal(
            written.Lines.Select(l => (l.Id, l.LineNumber, l.ItemId, l.QuantityMilli, l.AllocatedMilli, l.BackorderedMilli, l.PromiseDate)),
            stored.Lines.OrderBy(l => l.LineNumber).Select(l => (l.Id, l.LineNumber, l.ItemId, l.QuantityMilli, l.AllocatedMilli, l.BackorderedMilli, l.PromiseDate)));
        Assert.Equal(10_000, stored.Lines.Single(l => l.LineNumber == 1).Allocations.Sum(a => a.QuantityMilli));
        Assert.Equal([world.BinA, world.BinB], stored.Lines.Single(l => l.LineNumber == 1).Allocations.Select(a => a.LocationId).Order());
        Assert.Equal(15_000, stored.Lines.Single(l => l.LineNumber == 2).Allocations.Single().QuantityMilli);
        Assert.Equal(10_000, stored.Lines.Single(l => l.LineNumber == 2).BackorderedMilli);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReserveKeys_AfterOrdersSavedThroughEf_FollowsTheStoredKeys(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);
        // An order saved the ordinary way first: the reserved keys must not collide with what the store gave it.
        var viaEf = NewOrder(world, customerId, "PO-EF");
        world.Db.Orders.Add(viaEf);
        await world.Db.SaveChangesAsync(Ct);
        world.Db.ChangeTracker.Clear();

        var first = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-1"));
        var second = await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-2"));

        Assert.True(first.Id > viaEf.Id);
        Assert.True(second.Id > first.Id);
        Assert.True(first.Lines.Min(l => l.Id) > viaEf.Lines.Max(l => l.Id));
        Assert.True(second.Lines.Min(l => l.Id) > first.Lines.Max(l => l.Id));
        await using var reader = world.NewContext();
        Assert.Equal(3, await reader.Orders.CountAsync(Ct));
        Assert.Equal(6, await reader.OrderLines.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertNew_SameChannelAndReferenceTwice_RefusedAsUniqueViolationAndNothingWritten(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);
        await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-1"));

        await using var db = world.NewContext();
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(db, world, NewOrder(world, customerId, "PO-1")));

        Assert.True(DatabaseErrors.IsUniqueViolation(exception), exception.ToString());
        await using var reader = world.NewContext();
        Assert.Equal(1, await reader.Orders.CountAsync(Ct));
        Assert.Equal(2, await reader.OrderLines.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReserveKeys_SaysWhetherTheChannelAndReferenceAreFree(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var customerId = await AddCustomerAsync(world);
        await WriteAsync(world.Db, world, NewOrder(world, customerId, "PO-1"));

        await using var db = world.NewContext();
        await using var transaction = await db.BeginWriteAsync(Ct);
        Assert.False(await db.ReserveKeysAsync(NewOrder(world, customerId, "PO-1"), Ct));
        Assert.True(await db.ReserveKeysAsync(NewOrder(world, customerId, "PO-2"), Ct));
        // The same reference on another channel is another order.
        Assert.True(await db.ReserveKeysAsync(new Order(OrderChannel.Edi, "PO-1", customerId, "C-100", world.SiteId, ShipTo, null, OrderPriority.Standard,
            [new OrderLine(1, world.Bolt, "BLT-M10", 1, "EA", Quantity.Of(1))], creditHold: false, Now), Ct));
    }
}
