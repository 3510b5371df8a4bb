using Orderly.Core.Inventory;

namespace Orderly.Core.Orders;

/// <summary>
/// One line of an order, counted in the item's base unit. Every unit ordered is in exactly one
/// stage: allocated, picked, packed, shipped, backordered or cancelled; the stages always add up
/// to the ordered quantity.
/// </summary>
public sealed class OrderLine
{
    private readonly List<LineAllocation> _allocations = [];

    private OrderLine() { }

    public OrderLine(int lineNumber, long itemId, string sku, decimal requestedQuantity, string requestedUnit, Quantity quantity)
    {
        LineNumber = lineNumber;
        ItemId = itemId;
        Sku = sku;
        RequestedQuantity = requestedQuantity;
        RequestedUnit = requestedUnit;
        QuantityMilli = quantity.Milli;
        BackorderedMilli = quantity.Milli;
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public int LineNumber { get; private set; }
    public long ItemId { get; private set; }
    public string Sku { get; private set; } = "";
    public decimal RequestedQuantity { get; private set; }
    public string RequestedUnit { get; private set; } = "";
    public DateOnly? PromiseDate { get; private set; }

    public long QuantityMilli { get; private set; }
    public long AllocatedMilli { get; private set; }
    public long PickedMilli { get; private set; }
    public long PackedMilli { get; private set; }
    public long ShippedMilli { get; private set; }
    public long BackorderedMilli { get; private set; }
    public long CancelledMilli { get; private set; }

    public IReadOnlyList<LineAllocation> Allocations => _allocations;

    public Quantity Quantity => Quantity.FromMilli(QuantityMilli);
    public Quantity Allocated => Quantity.FromMilli(AllocatedMilli);
    public Quantity Backordered => Quantity.FromMilli(BackorderedMilli);
    public Quantity Cancelled => Quantity.FromMilli(CancelledMilli);
    public Quantity Shipped => Quantity.FromMilli(ShippedMilli);

    /// <summary>True when nothing of the line waits for stock (all allocated or further along, or cancelled).</summary>
    public bool FullyAllocated => BackorderedMilli == 0;

    public bool IsOpen => QuantityMilli - ShippedMilli - CancelledMilli > 0;

    /// <summary>True once a pick task is out for the line, or stock of it is picked or packed: cancelling it now would strand the work.</summary>
    public bool InWarehouse => PickedMilli > 0 || PackedMilli > 0 || _allocations.Any(a => a.Released && a.QuantityMilli > 0);

    internal void Allocate(long siteId, long locationId, long itemId, Quantity quantity)
    {
        if (quantity.Milli > BackorderedMilli) throw new InvalidOperationException($"Line {LineNumber} waits for {Backordered}, not {quantity}.");
        BackorderedMilli -= quantity.Milli;
        AllocatedMilli += quantity.Milli;
        foreach (var existing in _allocations)
            if (existing.SiteId == siteId && existing.LocationId == locationId && existing.ItemId == itemId && !existing.Released)
            {
                existing.Add(quantity);
                return;
            }
        _allocations.Add(new LineAllocation(OrderId, siteId, locationId, itemId, quantity));
    }

    /// <summary>The codes of the sites holding this line's open allocations, each once, in allocation order.</summary>
    internal string AllocatedSites(Func<long, string> siteCode)
    {
        // Nearly every line is allocated at one site: that case builds no list and joins nothing.
        string? first = null;
        List<string>? others = null;
        foreach (var allocation in _allocations)
        {
            if (allocation.QuantityMilli == 0) continue;
            var code = siteCode(allocation.SiteId);
            if (first is null) first = code;
            else if (code != first && (others is null || !others.Contains(code))) (others ??= []).Add(code);
        }
        return others is null ? first ?? "" : string.Join(", ", [first!, .. others]);
    }

    internal void CancelBackorder()
    {
        CancelledMilli += BackorderedMilli;
        BackorderedMilli = 0;
    }

    /// <summary>Cancels what is not yet picked: the backorder and the open allocations, which the caller releases to stock.</summary>
    internal IReadOnlyList<ReleasedStock> Cancel()
    {
        var released = _allocations.Where(a => a.QuantityMilli > 0)
            .Select(a => new ReleasedStock(a.SiteId, a.LocationId, a.ItemId, a.Quantity)).ToList();
        CancelledMilli += BackorderedMilli + AllocatedMilli;
        BackorderedMilli = 0;
        AllocatedMilli = 0;
        foreach (var allocation in _allocations) allocation.Cancel();
        return released;
    }

    internal void Promise(DateOnly date) => PromiseDate = date;

    /// <summary>
    /// A pick of a released allocation: what was found moves to picked; what was not is put back
    /// to waiting (backordered) for the engine to allocate elsewhere or backorder by policy.
    /// </summary>
    internal void Pick(Quantity tasked, Quantity picked)
    {
        if (picked > tasked) throw new InvalidOperationException("A pick cannot find more than was tasked.");
        AllocatedMilli -= tasked.Milli;
        PickedMilli += picked.Milli;
        BackorderedMilli += tasked.Milli - picked.Milli;
    }

    internal void Pack(Quantity quantity)
    {
        if (quantity.Milli > PickedMilli) throw new InvalidOperationException($"Line {LineNumber} has only {Quantity.FromMilli(PickedMilli)} picked.");
        PickedMilli -= quantity.Milli;
        PackedMilli += quantity.Milli;
    }

    internal void Ship(Quantity quantity)
    {
        if (quantity.Milli > PackedMilli) throw new InvalidOperationException($"Line {LineNumber} has only {Quantity.FromMilli(PackedMilli)} packed.");
        PackedMilli -= quantity.Milli;
        ShippedMilli += quantity.Milli;
    }

    public Quantity Picked => Quantity.FromMilli(PickedMilli);
    public Quantity Packed => Quantity.FromMilli(PackedMilli);

    public string Status => this switch
    {
        { QuantityMilli: var q, CancelledMilli: var c } when c == q => "cancelled",
        { ShippedMilli: > 0 } when ShippedMilli + CancelledMilli == QuantityMilli => "shipped",
        { PickedMilli: > 0 } or { PackedMilli: > 0 } or { ShippedMilli: > 0 } => "in-progress",
        { BackorderedMilli: 0 } => "allocated",
        { AllocatedMilli: > 0 } => "partially-allocated",
        _ => "backordered",
    };
}
