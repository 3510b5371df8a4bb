using System.Buffers;
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
    // The offer lives in one array of structs laid out item by item, and within an item site by
    // site, each (site, item)'s buckets side by side in pick order: cell (row, column) owns
    // _buckets[_starts[cell] .. _starts[cell + 1]]. One look-up finds an item's row; trying the
    // sites of a sourcing order then reads neighbouring memory instead of chasing links through a
    // network's worth of buckets, which on 150,000 buckets was mostly cache misses.
    private readonly IdPositions _itemRows;
    private readonly IdPositions _siteColumns;
    private readonly int[] _starts;
    private readonly Bucket[] _buckets;

    private struct Bucket(StockOnOffer stock)
    {
        public readonly long LocationId = stock.LocationId;
        public long LeftMilli = stock.Quantity.Milli;
        public readonly int PickSequence = stock.PickSequence;

        public readonly bool PickedBefore(in Bucket other) =>
            PickSequence != other.PickSequence ? PickSequence < other.PickSequence : LocationId < other.LocationId;
    }

    public AllocationPlanner(IEnumerable<StockOnOffer> offer)
    {
        // A span, not the list's interface: four passes over a network's offer would otherwise make an
        // interface call and copy each bucket's stock for every read.
        ReadOnlySpan<StockOnOffer> stock = offer switch
        {
            StockOnOffer[] array => array,
            List<StockOnOffer> list => CollectionsMarshal.AsSpan(list),
            _ => offer.ToArray(),
        };
        long firstSite = long.MaxValue, lastSite = long.MinValue, firstItem = long.MaxValue, lastItem = long.MinValue;
        var onOffer = 0;
        for (var i = 0; i < stock.Length; i++)
        {
            ref readonly var s = ref stock[i];
            if (s.Quantity.IsZero) continue;
            onOffer++;
            firstSite = Math.Min(firstSite, s.SiteId);
            lastSite = Math.Max(lastSite, s.SiteId);
            firstItem = Math.Min(firstItem, s.ItemId);
            lastItem = Math.Max(lastItem, s.ItemId);
        }
        _siteColumns = new IdPositions(firstSite, lastSite, onOffer);
        _itemRows = new IdPositions(firstItem, lastItem, onOffer);
        for (var i = 0; i < stock.Length; i++)
            if (!stock[i].Quantity.IsZero) _siteColumns.Add(stock[i].SiteId);

        // A counting sort by cell: count each cell's buckets, turn the counts into starts, then place.
        // Each bucket's cell is kept from the count to the placing, in a pooled array: a network's
        // offer makes it large, and a fresh one per planner would be garbage for the large-object heap.
        var cells = ArrayPool<int>.Shared.Rent(stock.Length);
        for (var i = 0; i < stock.Length; i++)
        {
            ref readonly var s = ref stock[i];
            cells[i] = s.Quantity.IsZero ? -1 : CellOf(_itemRows.Add(s.ItemId), _siteColumns.Add(s.SiteId));
        }
        _starts = new int[_itemRows.Count * _siteColumns.Count + 1];
        for (var i = 0; i < stock.Length; i++)
            if (cells[i] >= 0) _starts[cells[i] + 1]++;
        for (var cell = 1; cell < _starts.Length; cell++) _starts[cell] += _starts[cell - 1];
        _buckets = new Bucket[_starts[^1]];
        // Placing advances each cell's start to its end, which is the next cell's start: shifted back after.
        for (var i = 0; i < stock.Length; i++)
            if (cells[i] >= 0) _buckets[_starts[cells[i]]++] = new Bucket(stock[i]);
        ArrayPool<int>.Shared.Return(cells);
        Array.Copy(_starts, 0, _starts, 1, _starts.Length - 1);
        _starts[0] = 0;
        for (var cell = 0; cell + 1 < _starts.Length; cell++) SortInPickOrder(_starts[cell], _starts[cell + 1]);
    }

    /// <summary>An insertion sort: a site rarely holds one item in more than a few locations.</summary>
    private void SortInPickOrder(int first, int end)
    {
        for (var next = first + 1; next < end; next++)
        {
            var bucket = _buckets[next];
            var at = next;
            for (; at > first && bucket.PickedBefore(_buckets[at - 1]); at--) _buckets[at] = _buckets[at - 1];
            _buckets[at] = bucket;
        }
    }

    private int CellOf(int itemRow, int siteColumn) => itemRow * _siteColumns.Count + siteColumn;

    /// <summary>The cell of the item at the site; -1 when the site has none of it on offer.</summary>
    private int FindCell(long siteId, long itemId) =>
        _itemRows.TryGet(itemId, out var row) && _siteColumns.TryGet(siteId, out var column) ? CellOf(row, column) : -1;

    public IReadOnlyList<PlannedTake> Plan(IReadOnlyList<AllocationNeed> needs, IReadOnlyList<SourcingSite> sites, bool allowSubstitutes, bool preferSingleSite)
    {
        if (preferSingleSite && sites.Count > 1 && SingleSiteFillingAll(needs, sites) is { } single)
            sites = [single];

        var takes = new List<PlannedTake>(needs.Count);
        // Indexed loops: a foreach over an interface would allocate an enumerator for every order.
        for (var n = 0; n < needs.Count; n++)
        {
            var need = needs[n];
            var left = TakeAcrossSites(need.LineNumber, need.ItemId, need.Quantity.Milli, sites, takes);
            if (!allowSubstitutes) continue;
            for (var i = 0; i < need.Substitutes.Count && left > 0; i++)
                left = TakeAcrossSites(need.LineNumber, need.Substitutes[i], left, sites, takes);
        }
        return takes;
    }

    private long TakeAcrossSites(int lineNumber, long itemId, long wantedMilli, IReadOnlyList<SourcingSite> sites, List<PlannedTake> takes)
    {
        if (!_itemRows.TryGet(itemId, out var row)) return wantedMilli;
        for (var i = 0; i < sites.Count && wantedMilli > 0; i++)
            if (_siteColumns.TryGet(sites[i].Id, out var column))
                wantedMilli = Take(lineNumber, sites[i].Id, itemId, CellOf(row, column), wantedMilli, takes);
        return wantedMilli;
    }

    private long Take(int lineNumber, long siteId, long itemId, int cell, long wantedMilli, List<PlannedTake> takes)
    {
        for (int index = _starts[cell], end = _starts[cell + 1]; index < end && wantedMilli > 0; index++)
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
        var cell = FindCell(siteId, itemId);
        if (cell < 0) return 0;
        long left = 0;
        for (var index = _starts[cell]; index < _starts[cell + 1]; index++) left += _buckets[index].LeftMilli;
        return left;
    }
}
