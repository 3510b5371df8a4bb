namespace Orderly.Core.Definitions;

/// <summary>
/// The one fixed vocabulary of inventory statuses. Every stock bucket has exactly one of these;
/// <see cref="InventoryStatuses"/> holds the written definition and GS1 CBV disposition of each.
/// </summary>
public enum InventoryStatus
{
    Available,
    Allocated,
    Picked,
    Packed,
    Shipped,
    Quarantine,
    Damaged,
    Returned,
    Expired,
    Recalled,
}
