using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Data;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests;

/// <summary>A migrated database with one site, two bins and two items: the world most storage tests need.</summary>
public sealed class StorageWorld : IAsyncDisposable
{
    private StorageWorld(DatabaseSettings settings, OrderlyDbContext db) => (Settings, Db) = (settings, db);

    public DatabaseSettings Settings { get; }
    public OrderlyDbContext Db { get; }
    public long SiteId { get; private set; }
    public long BinA { get; private set; }
    public long BinB { get; private set; }
    public long Bolt { get; private set; }
    public long Cable { get; private set; }

    public static async Task<StorageWorld> CreateAsync(string provider)
    {
        var settings = await TestDatabase.CreateAsync(provider, "storage");
        var db = OrderlyDatabase.CreateContext(settings);
        await OrderlyDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
        var world = new StorageWorld(settings, db);
        await world.SeedAsync();
        return world;
    }

    public OrderlyDbContext NewContext() => OrderlyDatabase.CreateContext(Settings);

    public StockBucket Bucket(long location, long item, InventoryStatus status = InventoryStatus.Available) => new(SiteId, location, item, status);

    private async Task SeedAsync()
    {
        var site = new Site("BR-TEST", new SiteDetails("Test branch", SiteKind.Branch, "Central", "America/Chicago", null));
        Db.Sites.Add(site);
        await Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var a = new Location(site.Id, "A-01-1", new LocationDetails(LocationKind.Bin, "", 1, true));
        var b = new Location(site.Id, "A-01-2", new LocationDetails(LocationKind.Bin, "", 2, true));
        var bolt = new Item(Sku.Parse("BLT-M10"), new ItemDetails(null, "Hex bolt M10", "EA", false, [new UnitConversion("CS", 100)], 0.03m, true, true, 7));
        var cable = new Item(Sku.Parse("CBL-3G15"), new ItemDetails(null, "Cable 3G1.5", "M", true, [], 0.15m, true, true, 21));
        Db.AddRange(a, b, bolt, cable);
        await Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        (SiteId, BinA, BinB, Bolt, Cable) = (site.Id, a.Id, b.Id, bolt.Id, cable.Id);
        Db.ChangeTracker.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await TestDatabase.DropAsync(Settings);
    }
}
