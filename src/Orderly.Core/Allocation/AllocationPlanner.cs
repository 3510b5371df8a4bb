using Orderly.Core.Inventory;

namespace Orderly.Core.Allocation;

/// <summary>
/// Decides where each line's stock comes from, given the stock on offer: sites in sourcing
/// order, and within a site the buckets along the pick path. It never plans more than is on
/// offer, counting what earlier lines of the same plan have taken. With <c>preferSingleSite</c>
/// it first looks for one site that can fill every line (one shipment per order). Substitutes
/// are tried only for what the ordered item cannot cover, and only when allowed.
/// </summary>
public sealed class AllocationPlanner
{
    private readonly Dictionary<(long Site, long Item), List<Bucket>> _offer = [];

    private sealed class Bucket(StockOnOffer stock)
    {
        public StockOnOffer Stock { get; } = stock;
        public long LeftMilli { get; set; } = stock.Quantity.Milli;
    }

    public AllocationPlanner(IEnumerable<StockOnOffer> offer)
    {
        foreach (var stock in offer.Where(s => !s.Quantity.IsZero))
        {
            if (!_offer.TryGetValue((stock.SiteId, stock.ItemId), out var buckets))
                _offer[(stock.SiteId, stock.ItemId)] = buckets = [];
            buckets.Add(new Bucket(stock));
        }
        foreach (var buckets in _offer.Values)
            buckets.Sort((a, b) => a.Stock.PickSequence != b.Stock.PickSequence
                ? a.Stock.PickSequence.CompareTo(b.Stock.PickSequence)
                : a.Stock.LocationId.CompareTo(b.Stock.LocationId));
    }

    public IReadOnlyList<PlannedTake> Plan(IReadOnlyList<AllocationNeed> needs, IReadOnlyList<SourcingSite> sites, bool allowSubstitutes, bool preferSingleSite)
    {
        if (preferSingleSite && sites.Count > 1 && sites.FirstOrDefault(site => CanFillAll(needs, site.Id)) is { } single)
            sites = [single];

        var takes = new List<PlannedTake>();
        foreach (var need in needs)
        {
            var left = need.Quantity.Milli;
            IEnumerable<long> items = allowSubstitutes ? [need.ItemId, .. need.Substitutes] : [need.ItemId];
            foreach (var item in items)
                foreach (var site in sites)
                {
                    if (left == 0) break;
                    left = Take(need.LineNumber, site.Id, item, left, takes);
                }
        }
        return takes;
    }

    private long Take(int lineNumber, long siteId, long itemId, long wantedMilli, List<PlannedTake> takes)
    {
        if (!_offer.TryGetValue((siteId, itemId), out var buckets)) return wantedMilli;
        foreach (var bucket in buckets)
        {
            if (wantedMilli == 0) break;
            var take = Math.Min(bucket.LeftMilli, wantedMilli);
            if (take == 0) continue;
            bucket.LeftMilli -= take;
            wantedMilli -= take;
            takes.Add(new PlannedTake(lineNumber, siteId, bucket.Stock.LocationId, itemId, Quantity.FromMilli(take)));
        }
        return wantedMilli;
    }

    private bool CanFillAll(IReadOnlyList<AllocationNeed> needs, long siteId) =>
        needs.GroupBy(n => n.ItemId).All(group =>
            _offer.TryGetValue((siteId, group.Key), out var buckets)
            && buckets.Sum(b => b.LeftMilli) >= group.Sum(n => n.Quantity.Milli));
}
