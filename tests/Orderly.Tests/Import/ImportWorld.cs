using Microsoft.EntityFrameworkCore;
using Orderly.Cli;
using Orderly.Core.MasterData;
using Orderly.Data;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Tests.Import;

/// <summary>
/// A fresh database of its own for one import test: migrated, with two sites and a few locations
/// (one inactive) and nothing else, so counts in it are the test's alone. Files go to a folder of
/// its own; both are removed afterwards. Commands run in-process, as <c>orderly</c> would run them.
/// </summary>
public sealed class ImportWorld : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"orderly-import-{Guid.NewGuid():N}");

    private ImportWorld(DatabaseSettings settings) => Settings = settings;

    public DatabaseSettings Settings { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ImportWorld> CreateAsync(string provider)
    {
        var world = new ImportWorld(await TestDatabase.CreateAsync(provider, "import"));
        Directory.CreateDirectory(world._folder);
        await using var db = world.Db();
        await OrderlyDatabase.MigrateAsync(db, Ct);
        var details = (string name) => new SiteDetails(name, SiteKind.Branch, "Central", "America/Chicago", null);
        var dc = new Site("DC-T", details("Test DC") with { Kind = SiteKind.Dc });
        var branch = new Site("BR-T", details("Test branch"));
        db.Sites.AddRange(dc, branch);
        await db.SaveChangesAsync(Ct);
        foreach (var site in new[] { dc, branch })
        {
            db.Locations.Add(new Location(site.Id, "A-01", new LocationDetails(LocationKind.Bin, "Bin A-01", 10, true)));
            db.Locations.Add(new Location(site.Id, "QA-01", new LocationDetails(LocationKind.Zone, "Quarantine", 1, true)));
        }
        db.Locations.Add(new Location(dc.Id, "OLD-01", new LocationDetails(LocationKind.Bin, "Closed bin", 20, false)));
        await db.SaveChangesAsync(Ct);
        return world;
    }

    public OrderlyDbContext Db() => OrderlyDatabase.CreateContext(Settings);

    /// <summary>Writes a file of the test's own; its name is what the command reports in messages.</summary>
    public async Task<string> FileAsync(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content, Ct);
        return path;
    }

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OrderlyCommandLine.RunAsync([.. args, "--db", Settings.ConnectionString], output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Imports items that stock files can name: BRG-1 counted in EA, CBL-1 in metres (fractional).</summary>
    public async Task ImportStockItemsAsync()
    {
        var items = await FileAsync("stock-items.csv", """
            sku,description,base_unit,fractional_base_unit
            BRG-1,Ball bearing 6204,EA,false
            CBL-1,Cable per metre,M,true
            """);
        var (exit, _, error) = await RunAsync("import", "items", items);
        Assert.True(exit == CliHost.Ok, error);
    }

    /// <summary>(site, location, SKU, status) to quantity in thousandths, for every balance the database holds.</summary>
    public async Task<Dictionary<string, long>> BalancesAsync()
    {
        await using var db = Db();
        var rows = await (from b in db.Balances
                          join s in db.Sites on b.SiteId equals s.Id
                          join l in db.Locations on b.LocationId equals l.Id
                          join i in db.Items on b.ItemId equals i.Id
                          select new { Site = s.Code, Location = l.Code, i.Sku, b.Status, b.QuantityMilli }).ToListAsync(Ct);
        return rows.ToDictionary(r => $"{r.Site}/{r.Location}/{r.Sku}/{Core.Definitions.InventoryStatuses.Code(r.Status)}", r => r.QuantityMilli, StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await TestDatabase.DropAsync(Settings);
        Directory.Delete(_folder, recursive: true);
    }
}
