namespace Orderly.Core.Inventory;

/// <summary>
/// How a movement crosses the ledger's boundary. Receipts bring stock in from outside, shipments
/// take it out, adjustments do either with a reason code, and moves shift it between buckets.
/// </summary>
public enum MovementKind
{
    Receipt,
    Shipment,
    Adjustment,
    Move,
}
