using Orderly.Core.Definitions;
using Orderly.Core.Inventory;

namespace Orderly.Data.Inventory;

/// <summary>
/// A stock movement as stored: append-only, never updated. A movement stays within one site and
/// one item; the from-side is empty for stock coming in and the to-side for stock going out.
/// </summary>
public sealed class MovementRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public MovementKind Kind { get; set; }
    public long SiteId { get; set; }
    public long ItemId { get; set; }
    /// <summary>The quantity in thousandths of the base unit, as stored; see <see cref="Quantity"/>.</summary>
    public long QuantityMilli { get; set; }

    public Quantity Quantity
    {
        get => Quantity.FromMilli(QuantityMilli);
        set => QuantityMilli = value.Milli;
    }
    public long? FromLocationId { get; set; }
    public InventoryStatus? FromStatus { get; set; }
    public long? ToLocationId { get; set; }
    public InventoryStatus? ToStatus { get; set; }
    public string? ReasonCode { get; set; }
    public string? Reference { get; set; }
    public string Actor { get; set; } = "";
}
