using Orderly.Core.Definitions;
using Orderly.Core.Inventory;

namespace Orderly.Data.Inventory;

/// <summary>
/// The projection of the ledger for one bucket, updated in the same transaction as each
/// movement and never negative (a CHECK constraint holds it even against a bug of ours).
/// </summary>
public sealed class StockBalance
{
    public long SiteId { get; set; }
    public long LocationId { get; set; }
    public long ItemId { get; set; }
    public InventoryStatus Status { get; set; }
    /// <summary>The quantity in thousandths of the base unit, as stored; see <see cref="Quantity"/>.</summary>
    public long QuantityMilli { get; set; }

    public Quantity Quantity
    {
        get => Quantity.FromMilli(QuantityMilli);
        set => QuantityMilli = value.Milli;
    }
}
