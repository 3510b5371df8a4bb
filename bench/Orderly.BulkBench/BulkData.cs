using System.Globalization;
using System.Text;
using System.Text.Json;
using Orderly.Data.Import;

namespace Orderly.BulkBench;

/// <summary>An item of the bench: every column the import file and the limit write.</summary>
internal sealed record BenchItem(string Sku, string Gtin, string Description, string BaseUnit, bool Fractional,
    string Conversions, string ConversionsJson, decimal WeightKg, int LeadTimeDays);

internal sealed record BenchCustomer(string Account, string Name, string Segment, string HomeSite,
    string Line1, string City, string Region, string PostalCode, string ShipTosJson);

/// <summary>A location stock may be opened at, as the seeded database holds it.</summary>
internal sealed record BenchLocation(string Site, string Code);

/// <summary>One opening balance: indexes into the location and item lists, a status code and thousandths of the base unit.</summary>
internal readonly record struct BenchBalance(int Location, int Item, string Status, long Milli);

/// <summary>
/// The bench's data, from a fixed seed: items, customers homed at the demo sites, and opening
/// balances spread over the demo's locations, each location holding a different run of items,
/// so every balance is a bucket of its own. Rows come in the balances' key order (site,
/// location, item), as an export from another system usually does.
/// </summary>
internal sealed class BulkData
{
    public const int Seed = 20261127;
    public const int ItemCount = 10_000;
    public const int CustomerCount = 5_000;

    // GS1's example prefix with another indicator digit than the demo's items, so no GTIN collides.
    private const string GtinStem = "10614142";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Segments = ["contractor", "industrial", "oem", "maintenance", "government"];

    public required List<BenchItem> Items { get; init; }
    public required List<BenchCustomer> Customers { get; init; }
    public required List<BenchLocation> Locations { get; init; }
    public required BenchBalance[] Balances { get; init; }

    public long TotalMilli => Balances.Sum(b => b.Milli);

    public static BulkData Generate(int balances, IReadOnlyList<BenchLocation> locations, IReadOnlyList<string> sites)
    {
        var random = new Random(Seed);
        var items = Enumerable.Range(1, ItemCount).Select(i => Item(i, random)).ToList();
        var customers = Enumerable.Range(1, CustomerCount).Select(i => Customer(i, sites[random.Next(sites.Count)], random)).ToList();
        var perLocation = (balances + locations.Count - 1) / locations.Count;
        if (perLocation > ItemCount) throw new ArgumentOutOfRangeException(nameof(balances), $"At most {ItemCount * locations.Count} distinct buckets.");
        var rows = new BenchBalance[balances];
        var n = 0;
        for (var l = 0; l < locations.Count && n < balances; l++)
        {
            var status = locations[l].Code == "QA-01" ? "quarantine" : "available";
            var start = random.Next(ItemCount);
            // 7919 is prime and does not divide 10,000, so the run visits distinct items.
            var run = Enumerable.Range(0, Math.Min(perLocation, balances - n)).Select(j => (int)((start + (long)j * 7919) % ItemCount)).Order().ToList();
            foreach (var item in run)
            {
                var milli = items[item].Fractional ? random.Next(1, 50_000) * 100L : random.Next(1, 2_000) * 1000L;
                rows[n++] = new BenchBalance(l, item, status, milli);
            }
        }
        return new BulkData { Items = items, Customers = customers, Locations = [.. locations], Balances = rows };
    }

    private static BenchItem Item(int i, Random random)
    {
        var fractional = i % 10 == 0;
        var gtin = GtinStem + i.ToString("D5", CultureInfo.InvariantCulture);
        gtin += CheckDigit(gtin);
        var conversions = fractional ? new[] { ("RL", 100) } : [("CS", 12), ("PL", 480)];
        var weight = Math.Round((decimal)random.NextDouble() * 5, 3);
        return new BenchItem($"BLK-{i:D6}", gtin, $"Bulk bench item {i} ({(fractional ? "cable per metre" : "each")})", fractional ? "M" : "EA", fractional,
            string.Join(';', conversions.Select(c => $"{c.Item1}={c.Item2}")),
            JsonSerializer.Serialize(conversions.Select(c => new { unit = c.Item1, factor = (decimal)c.Item2 }), Json),
            weight, 3 + random.Next(28));
    }

    private static BenchCustomer Customer(int i, string homeSite, Random random)
    {
        var name = $"Bulk Customer {i}";
        var line1 = $"{100 + random.Next(9000)} Commerce Dr";
        var postal = $"{10000 + random.Next(89999)}";
        var shipTos = JsonSerializer.Serialize(new[]
        {
            new { code = "MAIN", name, line1, line2 = (string?)null, city = "Springfield", region = "IL", postalCode = postal, country = "US", isDefault = true },
        }, Json);
        return new BenchCustomer($"BLK-C{i:D5}", name, Segments[random.Next(Segments.Length)], homeSite, line1, "Springfield", "IL", postal, shipTos);
    }

    private static char CheckDigit(string data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++) sum += (data[data.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>Writes items.csv, customers.csv and stock.csv in the formats of docs/cli.md.</summary>
    public void WriteFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        using (var items = new StreamWriter(Path.Combine(directory, "items.csv"), false, Encoding.UTF8, 1 << 16))
        {
            items.WriteLine("sku,gtin,description,base_unit,fractional_base_unit,conversions,weight_kg,replenishment_lead_time_days");
            foreach (var i in Items)
                items.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{i.Sku},{i.Gtin},{i.Description},{i.BaseUnit},{(i.Fractional ? "true" : "false")},{i.Conversions},{i.WeightKg},{i.LeadTimeDays}"));
        }
        using (var customers = new StreamWriter(Path.Combine(directory, "customers.csv"), false, Encoding.UTF8, 1 << 16))
        {
            customers.WriteLine("account_number,name,segment,home_site,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country");
            foreach (var c in Customers)
                customers.WriteLine($"{c.Account},{c.Name},{c.Segment},{c.HomeSite},{c.Line1},{c.City},{c.Region},{c.PostalCode},US");
        }
        using var stock = new StreamWriter(Path.Combine(directory, "stock.csv"), false, Encoding.UTF8, 1 << 16);
        stock.WriteLine("site,location,sku,status,quantity");
        foreach (var b in Balances)
        {
            var location = Locations[b.Location];
            stock.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{location.Site},{location.Code},{Items[b.Item].Sku},{b.Status},{b.Milli / 1000m}"));
        }
    }
}
