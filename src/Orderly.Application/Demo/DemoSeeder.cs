using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Audit;
using Orderly.Application.Security;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Policies;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Data.Storage;

namespace Orderly.Application.Demo;

/// <summary>
/// Seeds the demo distributor: 15 sites with locations, 2,400 items, 520 customers, opening
/// stock at every site (posted as ledger receipts), and one user per role. Master data and
/// stock come from a fixed seed; passwords are random unless one is given.
/// </summary>
public sealed class DemoSeeder(OrderlyDbContext db, AccessAdministration access, AuditTrail audit, TimeProvider clock)
{
    public const int Seed = 20261126;

    /// <summary>Who the audit log and the ledger say seeded the demo.</summary>
    private static readonly Actor SeedActor = Actor.System("demo-seed");
    public const int ItemCount = 2400;
    public const int CustomerCount = 520;
    public const string ScopedBranch = "BR-DET";

    /// <summary>The demo users: name, role, and the sites they are scoped to.</summary>
    public static IReadOnlyList<(string Name, string Role, SiteScope Sites)> Users { get; } =
    [
        ("admin", Roles.Admin, SiteScope.All),
        ("executive", Roles.Executive, SiteScope.All),
        ("pmo", Roles.Pmo, SiteScope.All),
        ("commandcenter", Roles.CommandCenter, SiteScope.All),
        ("supervisor", Roles.Supervisor, SiteScope.Only([ScopedBranch])),
        ("picker", Roles.Picker, SiteScope.Only([ScopedBranch])),
        ("customerservice", Roles.CustomerService, SiteScope.All),
        ("planner", Roles.Planner, SiteScope.All),
        ("transport", Roles.Transport, SiteScope.All),
        ("finance", Roles.Finance, SiteScope.All),
    ];

    public async Task<bool> IsDatabaseEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Sites.AnyAsync(cancellationToken);

    public async Task SeedAsync(string? password, TextWriter output, CancellationToken cancellationToken)
    {
        // Checked first: a refused password after the data is in would leave a demo nobody can sign in to.
        if (password is not null && await access.CheckPasswordAsync(password) is { Count: > 0 } problems)
            throw new ArgumentException($"The demo password is not accepted: {string.Join(" ", problems)}");
        var watch = Stopwatch.StartNew();
        var random = new Random(Seed);
        // One transaction for data and users: an interrupted first start leaves an empty database, which seeds again.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var balances = await SeedDataAsync(random, cancellationToken);
        var credentials = new List<(string Name, string Role, SiteScope Sites, string Password)>();
        foreach (var (name, role, sites) in Users)
        {
            var userPassword = password ?? GeneratePassword();
            var errors = await access.AddUserAsync(SeedActor, name, userPassword, role, sites, null, cancellationToken);
            if (!errors.IsEmpty) throw new InvalidOperationException($"Could not create demo user {name}: {errors}");
            credentials.Add((name, role, sites, userPassword));
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // Fresh statistics, so PostgreSQL plans the first orders with indexes instead of waiting for autovacuum.
        await OrderlyDatabase.AnalyzeAsync(db, cancellationToken);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded the demo distributor in {watch.Elapsed.TotalSeconds:0.0} s: {DemoCatalog.Sites.Count} sites, {ItemCount:N0} items, {CustomerCount} customers, {balances:N0} stock balances."));
        output.WriteLine("Demo users (shown this once, here; sign in with them at /signin):");
        foreach (var (name, role, sites, userPassword) in credentials)
            output.WriteLine($"  {name,-16} {role,-16} {(sites.AllSites ? "all sites" : sites.ToString()),-10} password: {userPassword}");
    }

    private async Task<int> SeedDataAsync(Random random, CancellationToken cancellationToken)
    {
        var sites = DemoCatalog.Sites.Select(DemoCatalog.CreateSite).ToList();
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync(cancellationToken);

        var locations = sites.SelectMany(s => DemoCatalog.CreateLocations(s.Id, s.Kind)).ToList();
        db.Locations.AddRange(locations);
        var items = DemoCatalog.CreateItems(ItemCount, random);
        db.Items.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);

        var siteRefs = sites.Select((s, i) => (s.Id, DemoCatalog.Sites[i])).ToList();
        db.Customers.AddRange(DemoCatalog.CreateCustomers(CustomerCount, siteRefs, random));

        // Opening stock is most of the demo's rows (about 49,000 of them): written as plain inserts,
        // not through the change tracker, which took a first start about 10 s longer.
        var movements = new List<MovementRecord>();
        var stock = new List<StockBalance>();
        var balances = 0;
        var now = clock.GetUtcNow();
        foreach (var site in sites)
        {
            var bins = locations.Where(l => l.SiteId == site.Id && l.Kind == LocationKind.Bin).ToList();
            var quarantine = locations.Single(l => l.SiteId == site.Id && l.Code == "QA-01");
            var coverage = site.Kind == SiteKind.Dc ? 95 : 60;
            foreach (var item in items)
            {
                if (random.Next(100) >= coverage) continue;
                var units = site.Kind == SiteKind.Dc ? random.Next(50, 2000) : random.Next(5, 200);
                AddOpeningStock(movements, stock, site.Id, bins[random.Next(bins.Count)].Id, item, InventoryStatus.Available, units, now);
                balances++;
                if (random.Next(100) < 2)
                {
                    AddOpeningStock(movements, stock, site.Id, quarantine.Id, item, InventoryStatus.Quarantine, random.Next(1, 10), now);
                    balances++;
                }
            }
        }
        // The register's one registered variation: East ships complete (controlled variation of shipment.partial).
        db.PolicyValues.Add(new PolicyValue(PolicyKeys.ShipmentPartial, PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, 1,
            "pmo", "East-region contractors take one delivery per job site", null, now));
        audit.Record(SeedActor, "seeded", "demo", "demo-distributor", null,
            new { sites = sites.Count, items = items.Count, customers = CustomerCount, balances }, "seeded into an empty database");
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertRowsAsync(movements, cancellationToken);
        await db.InsertRowsAsync(stock, cancellationToken);
        return balances;
    }

    /// <summary>Opening stock enters as a receipt, so the ledger explains every unit from the first day.</summary>
    private static void AddOpeningStock(List<MovementRecord> movements, List<StockBalance> stock,
        long siteId, long locationId, Item item, InventoryStatus status, int units, DateTimeOffset at)
    {
        var quantity = Quantity.Of(units);
        movements.Add(new MovementRecord
        {
            At = at,
            Kind = MovementKind.Receipt,
            SiteId = siteId,
            ItemId = item.Id,
            Quantity = quantity,
            ToLocationId = locationId,
            ToStatus = status,
            Reference = "DEMO-OPENING",
            Actor = SeedActor.Name,
        });
        stock.Add(new StockBalance { SiteId = siteId, LocationId = locationId, ItemId = item.Id, Status = status, Quantity = quantity });
    }

    /// <summary>Four groups like <c>Kmx7-Pqa3-...</c>: upper, lower, digit and symbol, as Identity requires.</summary>
    private static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        return string.Join('-', Enumerable.Range(0, 4).Select(_ => string.Concat(
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)])));
    }
}
