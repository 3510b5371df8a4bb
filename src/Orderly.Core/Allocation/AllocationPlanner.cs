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
    // The offer lives in one array of structs, each (site, item)'s buckets chained in pick order
    // and found through one dictionary of chain heads: two large objects instead of two small ones
    // per bucket, so indexing a whole network's stock leaves the garbage collector nothing to
    // trace, and one hash look-up per bucket builds it.
    private readonly Dictionary<OfferKey, int> _heads;
    private readonly Bucket[] _buckets;

    // A record struct hashes its two longs directly; a value tuple goes through HashCode.Combine,
    // which costs more than the rest of a look-up.
    private readonly record struct OfferKey(long SiteId, long ItemId);

    private struct Bucket(StockOnOffer stock)
    {
        public readonly long LocationId = stock.LocationId;
        public readonly int PickSequence = stock.PickSequence;
        public long LeftMilli = stock.Quantity.Milli;
        /// <summary>The next bucket of the same site and item along the pick path; -1 at the end.</summary>
        public int Next = -1;

        public readonly bool PickedBefore(in Bucket other) =>
            PickSequence != other.PickSequence ? PickSequence < other.PickSequence : LocationId < other.LocationId;
    }

    public AllocationPlanner(IEnumerable<StockOnOffer> offer)
    {
        var stock = offer as IReadOnlyList<StockOnOffer> ?? offer.ToList();
        _heads = new Dictionary<OfferKey, int>(stock.Count);
        _buckets = new Bucket[stock.Count];
        var count = 0;
        foreach (var s in stock)
        {
            if (s.Quantity.IsZero) continue;
            var index = count++;
            _buckets[index] = new Bucket(s);
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_heads, new OfferKey(s.SiteId, s.ItemId), out var exists);
            if (!exists || _buckets[index].PickedBefore(_buckets[head]))
            {
                _buckets[index].Next = exists ? head : -1;
                head = index;
                continue;
            }
            // A site rarely holds one item in more than a few locations: a walk down the chain is enough.
            var previous = head;
            while (_buckets[previous].Next >= 0 && !_buckets[index].PickedBefore(_buckets[_buckets[previous].Next]))
                previous = _buckets[previous].Next;
            _buckets[index].Next = _buckets[previous].Next;
            _buckets[previous].Next = index;
        }
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
        if (!_heads.TryGetValue(new OfferKey(siteId, itemId), out var index)) return wantedMilli;
        for (; index >= 0 && wantedMilli > 0; index = _buckets[index].Next)
        {
            ref var bucket = ref _buckets[index];
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
        long left = 0;
        if (_heads.TryGetValue(new OfferKey(siteId, itemId), out var index))
            for (; index >= 0; index = _buckets[index].Next) left += _buckets[index].LeftMilli;
        return left;
    }
}
