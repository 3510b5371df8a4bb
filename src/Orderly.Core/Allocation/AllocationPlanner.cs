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
    // The offer lives in one array of structs, each (site, item)'s buckets chained in pick order.
    // The chain heads sit in one array, a row per item and a column per site, so that one hash
    // look-up finds an item and its row holds every site's chain side by side: trying the sites of
    // a sourcing order then reads one cache line instead of one scattered hash entry per site.
    private readonly Dictionary<long, int> _itemRows;
    private readonly Dictionary<long, int> _siteColumns;
    private readonly int[] _heads;
    private readonly Bucket[] _buckets;

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
        _itemRows = [];
        _siteColumns = [];
        foreach (var s in stock)
        {
            if (s.Quantity.IsZero) continue;
            _itemRows.TryAdd(s.ItemId, _itemRows.Count);
            _siteColumns.TryAdd(s.SiteId, _siteColumns.Count);
        }
        _heads = new int[_itemRows.Count * _siteColumns.Count];
        Array.Fill(_heads, -1);
        _buckets = new Bucket[stock.Count];
        var count = 0;
        foreach (var s in stock)
        {
            if (s.Quantity.IsZero) continue;
            var index = count++;
            _buckets[index] = new Bucket(s);
            ref var head = ref _heads[HeadOf(_itemRows[s.ItemId], _siteColumns[s.SiteId])];
            if (head < 0 || _buckets[index].PickedBefore(_buckets[head]))
            {
                _buckets[index].Next = head;
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

    private int HeadOf(int itemRow, int siteColumn) => itemRow * _siteColumns.Count + siteColumn;

    /// <summary>The first bucket of the item at the site along the pick path; -1 when the site has none of it on offer.</summary>
    private int FirstBucket(long siteId, long itemId) =>
        _itemRows.TryGetValue(itemId, out var row) && _siteColumns.TryGetValue(siteId, out var column) ? _heads[HeadOf(row, column)] : -1;

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
        if (!_itemRows.TryGetValue(itemId, out var row)) return wantedMilli;
        for (var i = 0; i < sites.Count && wantedMilli > 0; i++)
            if (_siteColumns.TryGetValue(sites[i].Id, out var column))
                wantedMilli = Take(lineNumber, sites[i].Id, itemId, _heads[HeadOf(row, column)], wantedMilli, takes);
        return wantedMilli;
    }

    private long Take(int lineNumber, long siteId, long itemId, int index, long wantedMilli, List<PlannedTake> takes)
    {
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
        for (var index = FirstBucket(siteId, itemId); index >= 0; index = _buckets[index].Next) left += _buckets[index].LeftMilli;
        return left;
    }
}
