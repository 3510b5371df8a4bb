using System.Runtime.InteropServices;
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
    // The offer lives in one array of structs, each (site, item)'s buckets side by side in pick
    // order, found through one dictionary of ranges: two large objects instead of two small ones
    // per bucket, so indexing a whole network's stock leaves the garbage collector nothing to trace.
    private readonly Dictionary<OfferKey, Range> _ranges;
    private readonly Bucket[] _buckets;

    // A record struct hashes its two longs directly; a value tuple goes through HashCode.Combine,
    // which costs more than the rest of a look-up.
    private readonly record struct OfferKey(long SiteId, long ItemId);

    private struct Range
    {
        public int Start;
        public int Count;
    }

    private struct Bucket(StockOnOffer stock)
    {
        public readonly long LocationId = stock.LocationId;
        public readonly int PickSequence = stock.PickSequence;
        public long LeftMilli = stock.Quantity.Milli;
    }

    public AllocationPlanner(IEnumerable<StockOnOffer> offer)
    {
        var stock = offer as IReadOnlyList<StockOnOffer> ?? offer.ToList();
        _ranges = new Dictionary<OfferKey, Range>(stock.Count);
        var total = 0;
        foreach (var s in stock)
        {
            if (s.Quantity.IsZero) continue;
            CollectionsMarshal.GetValueRefOrAddDefault(_ranges, new OfferKey(s.SiteId, s.ItemId), out _).Count++;
            total++;
        }
        var start = 0;
        foreach (var key in _ranges.Keys)
        {
            ref var range = ref CollectionsMarshal.GetValueRefOrNullRef(_ranges, key);
            range.Start = start;
            start += range.Count;
            range.Count = 0;
        }
        _buckets = new Bucket[total];
        foreach (var s in stock)
        {
            if (s.Quantity.IsZero) continue;
            ref var range = ref CollectionsMarshal.GetValueRefOrNullRef(_ranges, new OfferKey(s.SiteId, s.ItemId));
            _buckets[range.Start + range.Count++] = new Bucket(s);
        }
        foreach (var range in _ranges.Values)
            if (range.Count > 1)
                _buckets.AsSpan(range.Start, range.Count).Sort(static (a, b) => a.PickSequence != b.PickSequence
                    ? a.PickSequence.CompareTo(b.PickSequence)
                    : a.LocationId.CompareTo(b.LocationId));
    }

    public IReadOnlyList<PlannedTake> Plan(IReadOnlyList<AllocationNeed> needs, IReadOnlyList<SourcingSite> sites, bool allowSubstitutes, bool preferSingleSite)
    {
        if (preferSingleSite && sites.Count > 1 && SingleSiteFillingAll(needs, sites) is { } single)
            sites = [single];

        var takes = new List<PlannedTake>(needs.Count);
        foreach (var need in needs)
        {
            var left = TakeAcrossSites(need.LineNumber, need.ItemId, need.Quantity.Milli, sites, takes);
            if (!allowSubstitutes) continue;
            foreach (var substitute in need.Substitutes)
            {
                if (left == 0) break;
                left = TakeAcrossSites(need.LineNumber, substitute, left, sites, takes);
            }
        }
        return takes;
    }

    private long TakeAcrossSites(int lineNumber, long itemId, long wantedMilli, IReadOnlyList<SourcingSite> sites, List<PlannedTake> takes)
    {
        for (var i = 0; i < sites.Count && wantedMilli > 0; i++)
            wantedMilli = Take(lineNumber, sites[i].Id, itemId, wantedMilli, takes);
        return wantedMilli;
    }

    private long Take(int lineNumber, long siteId, long itemId, long wantedMilli, List<PlannedTake> takes)
    {
        if (!_ranges.TryGetValue(new OfferKey(siteId, itemId), out var range)) return wantedMilli;
        foreach (ref var bucket in _buckets.AsSpan(range.Start, range.Count))
        {
            if (wantedMilli == 0) break;
            var take = Math.Min(bucket.LeftMilli, wantedMilli);
            if (take == 0) continue;
            bucket.LeftMilli -= take;
            wantedMilli -= take;
            takes.Add(new PlannedTake(lineNumber, siteId, bucket.LocationId, itemId, Quantity.FromMilli(take)));
        }
        return wantedMilli;
    }

    private SourcingSite? SingleSiteFillingAll(IReadOnlyList<AllocationNeed> needs, IReadOnlyList<SourcingSite> sites)
    {
        foreach (var site in sites)
            if (CanFillAll(needs, site.Id)) return site;
        return null;
    }

    private bool CanFillAll(IReadOnlyList<AllocationNeed> needs, long siteId) =>
        needs.GroupBy(n => n.ItemId).All(group => LeftAt(siteId, group.Key) >= group.Sum(n => n.Quantity.Milli));

    private long LeftAt(long siteId, long itemId)
    {
        if (!_ranges.TryGetValue(new OfferKey(siteId, itemId), out var range)) return 0;
        long left = 0;
        foreach (var bucket in _buckets.AsSpan(range.Start, range.Count)) left += bucket.LeftMilli;
        return left;
    }
}
