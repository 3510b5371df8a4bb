using Microsoft.EntityFrameworkCore;
using Orderly.Data;

namespace Orderly.Application.Import;

/// <summary>
/// The codes a stock file names (sites, their locations, SKUs), loaded once and looked up by the
/// file's text without allocating: a million rows must not cost three million strings. Codes are
/// stored upper-case, as <see cref="Core.MasterData.BusinessCode"/> keeps them; the file's text is
/// upper-cased into a buffer before the lookup.
/// </summary>
internal sealed class StockCatalog
{
    /// <summary>Longer than any business code, so a text that does not fit is simply not found.</summary>
    public const int MaxCode = 64;

    public sealed record SiteEntry(long Id, string Code, Dictionary<string, LocationEntry> Locations)
    {
        public Dictionary<string, LocationEntry>.AlternateLookup<ReadOnlySpan<char>> ByCode { get; } = Locations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public sealed record LocationEntry(long Id, bool Active);

    public sealed record ItemEntry(long Id, string BaseUnit, bool Fractional);

    private readonly Dictionary<string, SiteEntry>.AlternateLookup<ReadOnlySpan<char>> _sites;
    private readonly Dictionary<string, ItemEntry>.AlternateLookup<ReadOnlySpan<char>> _items;

    private StockCatalog(Dictionary<string, SiteEntry> sites, Dictionary<string, ItemEntry> items)
    {
        _sites = sites.GetAlternateLookup<ReadOnlySpan<char>>();
        _items = items.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static async Task<StockCatalog> LoadAsync(OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var locations = await db.Locations.AsNoTracking().Select(l => new { l.SiteId, l.Code, l.Id, l.Active }).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.Code }).ToListAsync(cancellationToken);
        var bySite = locations.ToLookup(l => l.SiteId);
        var siteEntries = sites.ToDictionary(s => s.Code, s => new SiteEntry(s.Id, s.Code,
            bySite[s.Id].ToDictionary(l => l.Code, l => new LocationEntry(l.Id, l.Active), StringComparer.Ordinal)), StringComparer.Ordinal);
        var items = await db.Items.AsNoTracking().Select(i => new { i.Sku, i.Id, i.BaseUnit, i.FractionalBaseUnit }).ToListAsync(cancellationToken);
        var itemEntries = items.ToDictionary(i => i.Sku, i => new ItemEntry(i.Id, i.BaseUnit, i.FractionalBaseUnit), StringComparer.Ordinal);
        return new StockCatalog(siteEntries, itemEntries);
    }

    public SiteEntry? Site(ReadOnlySpan<char> code)
    {
        Span<char> buffer = stackalloc char[MaxCode];
        return _sites.TryGetValue(Upper(code, buffer), out var site) ? site : null;
    }

    public static LocationEntry? Location(SiteEntry site, ReadOnlySpan<char> code)
    {
        Span<char> buffer = stackalloc char[MaxCode];
        return site.ByCode.TryGetValue(Upper(code, buffer), out var location) ? location : null;
    }

    public ItemEntry? Item(ReadOnlySpan<char> sku)
    {
        Span<char> buffer = stackalloc char[MaxCode];
        return _items.TryGetValue(Upper(sku, buffer), out var item) ? item : null;
    }

    private static ReadOnlySpan<char> Upper(ReadOnlySpan<char> text, Span<char> buffer)
    {
        // Too long for any code: looked up as it is, and not found.
        if (text.Length > buffer.Length) return text;
        var written = text.ToUpperInvariant(buffer);
        return buffer[..written];
    }
}
