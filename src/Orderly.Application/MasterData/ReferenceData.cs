using Microsoft.EntityFrameworkCore;
using Orderly.Core.MasterData;
using Orderly.Data;
using Orderly.Data.Storage;

namespace Orderly.Application.MasterData;

/// <summary>
/// Sites and items as one request (or one batch, or one file import) reads them: each is read from
/// the database once and then remembered for the rest of the scope, so validation, allocation and
/// the response do not read the same rows three times. Nothing outlives the scope, so a change to
/// master data is seen by the next request.
/// </summary>
public sealed class ReferenceData(OrderlyDbContext db)
{
    private IReadOnlyList<Site>? _sites;
    private readonly Dictionary<long, Item> _itemsById = [];
    private readonly Dictionary<string, Item> _itemsBySku = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skusNotFound = new(StringComparer.Ordinal);

    // Compiled once: every capture reads sites and its items through these.
    private static readonly CompiledQuery<Func<OrderlyDbContext, IAsyncEnumerable<Site>>> SitesByCode = new(() =>
        EF.CompileAsyncQuery<OrderlyDbContext, Site>(db => db.Sites.AsNoTracking().OrderBy(s => s.Code)));

    private static readonly CompiledQuery<Func<OrderlyDbContext, List<string>, IAsyncEnumerable<Item>>> ItemsWithSkus = new(() =>
        EF.CompileAsyncQuery((OrderlyDbContext db, List<string> skus) => db.Items.AsNoTracking().Where(i => skus.Contains(i.Sku))));

    /// <summary>Every site, ordered by code (so that several DCs of one region are always tried in the same order).</summary>
    public async Task<IReadOnlyList<Site>> SitesAsync(CancellationToken cancellationToken) =>
        _sites ??= await SitesByCode.For(db)(db).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> SiteCodesAsync(CancellationToken cancellationToken) =>
        (await SitesAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Code);

    /// <summary>The items with these SKUs (normalised, upper case); SKUs no item has are left out.</summary>
    public async Task<IReadOnlyDictionary<string, Item>> ItemsBySkuAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var missing = skus.Where(s => !_itemsBySku.ContainsKey(s) && !_skusNotFound.Contains(s)).Distinct().ToList();
        if (missing.Count > 0)
        {
            Remember(await ItemsWithSkus.For(db)(db, missing).ToListAsync(cancellationToken));
            _skusNotFound.UnionWith(missing.Where(s => !_itemsBySku.ContainsKey(s)));
        }
        var found = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var sku in skus)
            if (_itemsBySku.TryGetValue(sku, out var item)) found[sku] = item;
        return found;
    }

    /// <summary>The items with these ids; ids no item has are left out.</summary>
    public async Task<IReadOnlyDictionary<long, Item>> ItemsByIdAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_itemsById.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0) Remember(await db.Items.AsNoTracking().Where(i => missing.Contains(i.Id)).ToListAsync(cancellationToken));
        var found = new Dictionary<long, Item>();
        foreach (var id in ids)
            if (_itemsById.TryGetValue(id, out var item)) found[id] = item;
        return found;
    }

    private void Remember(List<Item> items)
    {
        foreach (var item in items)
        {
            _itemsById[item.Id] = item;
            _itemsBySku[item.Sku] = item;
        }
    }
}
