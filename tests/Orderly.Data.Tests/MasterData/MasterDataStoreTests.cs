using Microsoft.EntityFrameworkCore;
using Orderly.Core.Definitions;
using Orderly.Core.MasterData;
using Orderly.Testing;

namespace Orderly.Data.Tests.MasterData;

public class MasterDataStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Item_RoundTripsGtinAndUnitConversions(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        world.Db.Items.Add(new Item(Sku.Parse("BRG-6204"), new ItemDetails(Gtin.Parse("4006381333931"), "Ball bearing 6204-2RS", "EA", false,
            [new UnitConversion("CS", 12), new UnitConversion("PL", 480)], 0.2m, true, true, 14)));
        await world.Db.SaveChangesAsync(Ct);

        await using var read = world.NewContext();
        var item = await read.Items.SingleAsync(i => i.Sku == "BRG-6204", Ct);
        Assert.Equal(Gtin.Parse("4006381333931"), item.Gtin);
        Assert.Equal([new UnitConversion("CS", 12), new UnitConversion("PL", 480)], item.Conversions);
        Assert.Equal(0.2m, item.WeightKg);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Item_UpdatedConversions_AreSaved(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var item = await world.Db.Items.SingleAsync(i => i.Id == world.Bolt, Ct);
        item.Update(item.Details with { Conversions = [new UnitConversion("CS", 50)] });
        await world.Db.SaveChangesAsync(Ct);

        await using var read = world.NewContext();
        Assert.Equal([new UnitConversion("CS", 50)], (await read.Items.SingleAsync(i => i.Id == world.Bolt, Ct)).Conversions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DuplicateSku_IsRefusedByTheDatabase(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        world.Db.Items.Add(new Item(Sku.Parse("BLT-M10"), new ItemDetails(null, "Another bolt", "EA", false, [], 0, true, true, 7)));
        await Assert.ThrowsAsync<DbUpdateException>(() => world.Db.SaveChangesAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Customer_RoundTripsShipTosAndHomeSite(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        ShipToAddress[] shipTos =
        [
            new("MAIN", "Acme Mechanical", "1 Main St", null, "Detroit", "MI", "48201", "US", true),
            new("YARD", "Acme yard", "9 Depot St", "Gate 2", "Detroit", "MI", "48202", "US", false),
        ];
        world.Db.Customers.Add(new Customer("C10001", new CustomerDetails("Acme Mechanical", "contractor", world.SiteId, shipTos, false, true)));
        await world.Db.SaveChangesAsync(Ct);

        await using var read = world.NewContext();
        var customer = await read.Customers.Include(c => c.HomeSite).SingleAsync(c => c.AccountNumber == "C10001", Ct);
        Assert.Equal(shipTos, customer.ShipTos);
        Assert.Equal("MAIN", customer.DefaultShipTo.Code);
        Assert.Equal("BR-TEST", customer.HomeSite!.Code);
        Assert.True(customer.CreditHold);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_OrdersByTime(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var t0 = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        foreach (var minutes in new[] { 30, 10, 20 })
            world.Db.Audit.Add(new Audit.AuditEntry { At = t0.AddMinutes(minutes), Actor = "t", Action = "a", EntityType = "e", EntityKey = $"{minutes}" });
        await world.Db.SaveChangesAsync(Ct);
        var keys = await world.Db.Audit.Where(a => a.At > t0.AddMinutes(15)).OrderBy(a => a.At).Select(a => a.EntityKey).ToListAsync(Ct);
        Assert.Equal(["20", "30"], keys);
    }
}
