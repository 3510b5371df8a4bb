namespace Orderly.Core.Definitions;

/// <summary>The definitions of the inventory status vocabulary, and conversions to and from its wire codes.</summary>
public static class InventoryStatuses
{
    public static IReadOnlyList<InventoryStatusDefinition> All { get; } =
    [
        new(InventoryStatus.Available, "available", "sellable_accessible", OnHand: true, Sellable: true,
            "In a stock location of the site, fit to sell and not promised to any order."),
        new(InventoryStatus.Allocated, "allocated", null, OnHand: true, Sellable: false,
            "Fit to sell but promised to an order line and not yet picked. CBV has no equivalent: its 'reserved' means an identifier issued to a third party."),
        new(InventoryStatus.Picked, "picked", "in_progress", OnHand: true, Sellable: false,
            "Taken from its location for an order and not yet packed into a shipping container."),
        new(InventoryStatus.Packed, "packed", "container_closed", OnHand: true, Sellable: false,
            "Inside a closed shipping container with an SSCC, waiting at the site for the carrier."),
        new(InventoryStatus.Shipped, "shipped", "in_transit", OnHand: false, Sellable: false,
            "Handed to the carrier and no longer at the site; the shipment takes it out of the site's ledger."),
        new(InventoryStatus.Quarantine, "quarantine", "non_sellable_other", OnHand: true, Sellable: false,
            "Held back from sale pending a decision (inspection, count discrepancy, customer dispute)."),
        new(InventoryStatus.Damaged, "damaged", "damaged", OnHand: true, Sellable: false,
            "Physically damaged and not fit to sell as new."),
        new(InventoryStatus.Returned, "returned", "returned", OnHand: true, Sellable: false,
            "Received back from a customer and not yet inspected; it may or may not become sellable."),
        new(InventoryStatus.Expired, "expired", "expired", OnHand: true, Sellable: false,
            "Past its expiry or best-before date."),
        new(InventoryStatus.Recalled, "recalled", "recalled", OnHand: true, Sellable: false,
            "Subject to a supplier or regulatory recall; must not leave the site except to the recall."),
    ];

    private static readonly Dictionary<string, InventoryStatusDefinition> ByCode =
        All.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public static InventoryStatusDefinition Of(InventoryStatus status) => All[(int)status];

    public static string Code(this InventoryStatus status) => Of(status).Code;

    /// <summary>
    /// Allocated, picked, packed and shipped stock belongs to order lines; only the order flow
    /// moves stock into or out of these statuses, never a manual receipt, move or adjustment.
    /// </summary>
    public static bool IsOrderManaged(this InventoryStatus status) =>
        status is InventoryStatus.Allocated or InventoryStatus.Picked or InventoryStatus.Packed or InventoryStatus.Shipped;

    public static bool TryParse(string? text, out InventoryStatus status, out string error)
    {
        if (text is not null && ByCode.TryGetValue(text.Trim(), out var definition))
        {
            status = definition.Status;
            error = "";
            return true;
        }
        status = default;
        error = $"'{text}' is not an inventory status; use one of: {string.Join(", ", All.Select(d => d.Code))}.";
        return false;
    }
}
