namespace Orderly.Core.Definitions;

/// <summary>
/// The written meaning of one inventory status and, where GS1 CBV 2.0 has the same meaning, its
/// CBV disposition (null where it has none: CBV's <c>reserved</c> is not an inventory reservation).
/// </summary>
/// <param name="Code">The wire name, e.g. <c>available</c>.</param>
/// <param name="CbvDisposition">The bare CBV 2.0 disposition term, or null.</param>
/// <param name="OnHand">True when stock in this status is physically in the site and counted on hand.</param>
/// <param name="Sellable">True when stock in this status may be allocated to an order.</param>
public sealed record InventoryStatusDefinition(
    InventoryStatus Status,
    string Code,
    string? CbvDisposition,
    bool OnHand,
    bool Sellable,
    string Definition);
