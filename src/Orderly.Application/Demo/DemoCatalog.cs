using System.Globalization;
using Orderly.Core.Definitions;
using Orderly.Core.MasterData;

namespace Orderly.Application.Demo;

/// <summary>
/// The demo distributor's master data, generated from a fixed seed so every run yields the same
/// catalogue: an industrial-supplies distributor with three national DCs and twelve branches.
/// </summary>
public static class DemoCatalog
{
    /// <summary>The demo's GS1 company prefix (the one GS1 uses in its own examples).</summary>
    public const string CompanyPrefix = "0614141";

    public sealed record DemoSite(string Code, string Name, SiteKind Kind, string Region, string TimeZone, string City, string State);

    public static IReadOnlyList<DemoSite> Sites { get; } =
    [
        new("DC-EAST", "East Distribution Center", SiteKind.Dc, "East", "America/New_York", "Newark", "NJ"),
        new("BR-BOS", "Boston Branch", SiteKind.Branch, "East", "America/New_York", "Boston", "MA"),
        new("BR-PHL", "Philadelphia Branch", SiteKind.Branch, "East", "America/New_York", "Philadelphia", "PA"),
        new("BR-ATL", "Atlanta Branch", SiteKind.Branch, "East", "America/New_York", "Atlanta", "GA"),
        new("BR-CLT", "Charlotte Branch", SiteKind.Branch, "East", "America/New_York", "Charlotte", "NC"),
        new("DC-CENTRAL", "Central Distribution Center", SiteKind.Dc, "Central", "America/Chicago", "Chicago", "IL"),
        new("BR-DET", "Detroit Branch", SiteKind.Branch, "Central", "America/Detroit", "Detroit", "MI"),
        new("BR-MSP", "Minneapolis Branch", SiteKind.Branch, "Central", "America/Chicago", "Minneapolis", "MN"),
        new("BR-STL", "St. Louis Branch", SiteKind.Branch, "Central", "America/Chicago", "St. Louis", "MO"),
        new("BR-DAL", "Dallas Branch", SiteKind.Branch, "Central", "America/Chicago", "Dallas", "TX"),
        new("DC-WEST", "West Distribution Center", SiteKind.Dc, "West", "America/Los_Angeles", "Ontario", "CA"),
        new("BR-SEA", "Seattle Branch", SiteKind.Branch, "West", "America/Los_Angeles", "Seattle", "WA"),
        new("BR-PDX", "Portland Branch", SiteKind.Branch, "West", "America/Los_Angeles", "Portland", "OR"),
        new("BR-PHX", "Phoenix Branch", SiteKind.Branch, "West", "America/Phoenix", "Phoenix", "AZ"),
        new("BR-DEN", "Denver Branch", SiteKind.Branch, "West", "America/Denver", "Denver", "CO"),
    ];

    public static Site CreateSite(DemoSite site, int index) =>
        new(site.Code, new SiteDetails(site.Name, site.Kind, site.Region, site.TimeZone,
            Gln.Parse(Gs1CheckDigit.Complete(CompanyPrefix + (10000 + index).ToString("D5", CultureInfo.InvariantCulture)))));

    /// <summary>Dock, staging lane, quarantine cage and bins along the pick path (A-01-1, A-01-2, ...).</summary>
    public static IEnumerable<Location> CreateLocations(long siteId, SiteKind kind)
    {
        yield return new Location(siteId, "DOCK-01", new LocationDetails(LocationKind.Dock, "Receiving dock door 1", 0, true));
        yield return new Location(siteId, "QA-01", new LocationDetails(LocationKind.Zone, "Quarantine cage", 1, true));
        yield return new Location(siteId, "STG-01", new LocationDetails(LocationKind.Staging, "Outbound staging lane 1", 100_000, true));
        var aisles = kind == SiteKind.Dc ? "ABCDEF" : "ABC";
        var bays = kind == SiteKind.Dc ? 10 : 8;
        var sequence = 10;
        foreach (var aisle in aisles)
            for (var bay = 1; bay <= bays; bay++)
                for (var level = 1; level <= 2; level++)
                    yield return new Location(siteId, $"{aisle}-{bay:D2}-{level}",
                        new LocationDetails(LocationKind.Bin, $"Aisle {aisle}, bay {bay}, level {level}", sequence++, true));
    }

    private sealed record Family(string Prefix, string BaseUnit, bool Fractional, int CaseSize, decimal WeightKg, int LeadTimeDays, Func<Random, string> Describe);

    private static readonly Family[] Families =
    [
        new("BRG", "EA", false, 10, 0.2m, 14, r => $"Deep groove ball bearing {Pick(r, "6000", "6001", "6002", "6200", "6201", "6202", "6203", "6204", "6205", "6206", "6304", "6305", "6306")}-{Pick(r, "2RS", "ZZ", "OPEN", "2RS C3")}"),
        new("BLT", "EA", false, 100, 0.03m, 7, r => $"Hex bolt M{Pick(r, "6", "8", "10", "12", "16", "20")} x {Pick(r, "20", "25", "30", "40", "50", "60", "80", "100")} grade {Pick(r, "8.8", "10.9")} {Pick(r, "zinc plated", "plain", "hot-dip galvanized")}"),
        new("NUT", "EA", false, 200, 0.01m, 7, r => $"Hex nut M{Pick(r, "6", "8", "10", "12", "16", "20")} {Pick(r, "class 8", "nylon insert", "flange")} {Pick(r, "zinc plated", "stainless A2", "stainless A4")}"),
        new("CBL", "M", true, 0, 0.15m, 21, r => $"Flexible cable H07RN-F {Pick(r, "2", "3", "4", "5")}G{Pick(r, "1.5", "2.5", "4", "6")} per metre"),
        new("GRS", "EA", false, 12, 0.45m, 10, r => $"{Pick(r, "Lithium EP2", "Lithium EP3", "Food-grade H1", "Synthetic high-temp", "Molybdenum")} grease {Pick(r, "400 g cartridge", "1 kg tub", "18 kg pail")}"),
        new("GLV", "PR", false, 12, 0.1m, 10, r => $"{Pick(r, "Nitrile-coated", "Cut-resistant level C", "Leather rigger", "Chemical-resistant", "Thermal winter")} work gloves size {Pick(r, "7", "8", "9", "10", "11")}"),
        new("DRL", "EA", false, 10, 0.05m, 14, r => $"HSS twist drill bit {Pick(r, "2", "3", "4", "5", "6", "6.5", "8", "10", "12", "13")} mm {Pick(r, "cobalt", "TiN coated", "black oxide")}"),
        new("VBT", "EA", false, 5, 0.3m, 21, r => $"V-belt {Pick(r, "A", "B", "SPZ", "SPA", "SPB")}{Pick(r, "800", "1000", "1250", "1500", "1800", "2240")} {Pick(r, "wrapped", "raw-edge cogged")}"),
        new("VLV", "EA", false, 4, 1.2m, 28, r => $"{Pick(r, "Brass ball", "Stainless ball", "Gate", "Check", "Butterfly")} valve {Pick(r, "1/2\"", "3/4\"", "1\"", "1 1/4\"", "2\"")} {Pick(r, "BSP", "NPT")}"),
        new("HOS", "M", true, 0, 0.25m, 21, r => $"{Pick(r, "Hydraulic 1SN", "Hydraulic 2SN", "Air/water PVC", "Suction EPDM")} hose {Pick(r, "1/4\"", "3/8\"", "1/2\"", "3/4\"", "1\"")} per metre"),
        new("FIT", "EA", false, 25, 0.08m, 14, r => $"{Pick(r, "Brass elbow", "Brass tee", "Steel reducer", "Stainless nipple", "Push-in coupling")} fitting {Pick(r, "1/4\"", "3/8\"", "1/2\"", "3/4\"", "1\"")}"),
        new("BRK", "EA", false, 12, 0.12m, 21, r => $"Miniature circuit breaker {Pick(r, "1P", "2P", "3P")} {Pick(r, "B", "C", "D")}{Pick(r, "6", "10", "16", "20", "25", "32")} A"),
        new("ABR", "EA", false, 25, 0.1m, 10, r => $"{Pick(r, "Cutting", "Grinding", "Flap", "Fibre")} disc {Pick(r, "115", "125", "180", "230")} mm {Pick(r, "steel", "stainless", "aluminium")}"),
        new("SAF", "EA", false, 10, 0.06m, 10, r => $"{Pick(r, "Safety glasses clear", "Safety glasses tinted", "Ear plugs (pair)", "FFP2 respirator", "Hi-vis vest")} {Pick(r, "EN166", "EN352", "EN149", "EN20471")} {Pick(r, "standard", "anti-fog", "XL")}"),
    ];

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>At least <paramref name="count"/> distinct items with GTIN-13s and case/pallet conversions.</summary>
    public static List<Item> CreateItems(int count, Random random)
    {
        var items = new List<Item>(count);
        var descriptions = new HashSet<string>(StringComparer.Ordinal);
        var serial = 0;
        while (items.Count < count)
        {
            var family = Families[items.Count % Families.Length];
            var description = family.Describe(random);
            if (!descriptions.Add(description))
            {
                // Combinations run out for small families; a variant suffix keeps descriptions unique.
                description = $"{description} (variant {descriptions.Count})";
                descriptions.Add(description);
            }
            serial++;
            var sku = Sku.Parse($"{family.Prefix}-{10000 + serial}");
            var gtin = Gtin.Parse(Gs1CheckDigit.Complete(CompanyPrefix + serial.ToString("D5", CultureInfo.InvariantCulture)));
            IReadOnlyList<UnitConversion> conversions = family.Fractional
                ? [new UnitConversion("RL", 100)]
                : [new UnitConversion("CS", family.CaseSize), new UnitConversion("PL", family.CaseSize * 40)];
            items.Add(new Item(sku, new ItemDetails(gtin, description, family.BaseUnit, family.Fractional, conversions,
                family.WeightKg, Active: true, Sellable: true, family.LeadTimeDays + random.Next(0, 8))));
        }
        return items;
    }

    private static readonly string[] NameStarts = ["Northside", "Great Lakes", "Summit", "Riverbend", "Keystone", "Harbor", "Pioneer", "Cascade", "Ironwood", "Prairie", "Bluewater", "Granite", "Redline", "Midstate", "Frontier", "Lakeshore", "Union", "Heritage", "Tri-County", "Metro"];
    private static readonly string[] NameTrades = ["Mechanical", "Fabrication", "Electric", "Plumbing", "Maintenance", "Machine Works", "Packaging", "Automation", "HVAC", "Construction", "Fluid Power", "Foods", "Plastics", "Steel", "Facilities"];
    private static readonly string[] NameEnds = ["Inc", "LLC", "Co", "Group", "Services", "Partners"];
    private static readonly string[] Segments = ["contractor", "industrial", "oem", "maintenance", "government"];
    private static readonly string[] Streets = ["Main St", "Industrial Pkwy", "Commerce Dr", "Mill Rd", "Harbor Ave", "Factory Ln", "Enterprise Blvd", "Depot St"];

    public static List<Customer> CreateCustomers(int count, IReadOnlyList<(long Id, DemoSite Site)> sites, Random random)
    {
        var customers = new List<Customer>(count);
        for (var i = 0; i < count; i++)
        {
            var home = sites[random.Next(sites.Count)];
            var name = $"{Pick(random, NameStarts)} {Pick(random, NameTrades)} {Pick(random, NameEnds)}";
            var shipTos = new List<ShipToAddress>
            {
                new("MAIN", name, $"{100 + random.Next(9000)} {Pick(random, Streets)}", null, home.Site.City, home.Site.State,
                    $"{10000 + random.Next(89999)}", "US", IsDefault: true),
            };
            if (random.Next(4) == 0)
                shipTos.Add(new("SITE-2", $"{name} (yard)", $"{100 + random.Next(9000)} {Pick(random, Streets)}", "Gate 2",
                    home.Site.City, home.Site.State, $"{10000 + random.Next(89999)}", "US", IsDefault: false));
            var roll = random.Next(100);
            customers.Add(new Customer($"C{10001 + i}", new CustomerDetails(name, Pick(random, Segments), home.Id, shipTos,
                Blocked: roll == 0, CreditHold: roll is >= 1 and <= 3)));
        }
        return customers;
    }
}
