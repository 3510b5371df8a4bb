using Orderly.Core.Inventory;

namespace Orderly.Core.Orders;

/// <summary>
/// Stock set aside for a line at one bucket (site, location, item): the ledger holds the same
/// quantity as <c>allocated</c> there. The item differs from the line's when a substitute fills it.
/// </summary>
public sealed class LineAllocation
{
    private LineAllocation() { }

    internal LineAllocation(long siteId, long locationId, long itemId, Quantity quantity)
    {
        SiteId = siteId;
        LocationId = locationId;
        ItemId = itemId;
        QuantityMilli = quantity.Milli;
    }

    public long Id { get; private set; }
    public long OrderLineId { get; private set; }
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
