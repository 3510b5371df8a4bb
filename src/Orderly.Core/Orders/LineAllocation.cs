using Orderly.Core.Inventory;

namespace Orderly.Core.Orders;

/// <summary>
/// Stock set aside for a line at one bucket (site, location, item): the ledger holds the same
/// quantity as <c>allocated</c> there. The item differs from the line's when a substitute fills it.
/// It carries its order as well as its line, so "the orders allocated at these sites" is read from the
/// allocations alone, without a lookup of each one's line (docs/performance.md §4).
/// </summary>
public sealed class LineAllocation
{
    private LineAllocation() { }

    /// <param name="orderId">The line's order; 0 while the order is not stored yet, whose keys are given when it is inserted.</param>
    internal LineAllocation(long orderId, long siteId, long locationId, long itemId, Quantity quantity)
    {
        OrderId = orderId;
        SiteId = siteId;
        LocationId = locationId;
        ItemId = itemId;
        QuantityMilli = quantity.Milli;
    }

    public long Id { get; private set; }
    public long OrderLineId { get; private set; }
    public long OrderId { get; private set; }
    public long SiteId { get; private set; }
    public long LocationId { get; private set; }
    public long ItemId { get; private set; }

    /// <summary>What is still allocated here and not yet picked.</summary>
    public long QuantityMilli { get; private set; }

    public Quantity Quantity => Quantity.FromMilli(QuantityMilli);

    /// <summary>True once a wave has turned this allocation into a pick task.</summary>
    public bool Released { get; private set; }

    internal void Add(Quantity quantity) => QuantityMilli += quantity.Milli;

    public void Release() => Released = true;

    /// <summary>The pick task consumed this allocation: the stock is now picked (or missing).</summary>
    internal void Consume() => QuantityMilli = 0;

    internal void Cancel() => QuantityMilli = 0;
}

/// <summary>Allocated stock an order gave up: the caller moves it back from allocated to available.</summary>
public sealed record ReleasedStock(long SiteId, long LocationId, long ItemId, Quantity Quantity);
