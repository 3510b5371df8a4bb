using Orderly.Core.Definitions;
using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.Application.MasterData;

/// <summary>An item as the API shows it. The GTIN is always in its 14-digit form, as stored.</summary>
public sealed record ItemResponse(
    string Sku,
    string? Gtin,
    string Description,
    string BaseUnit,
    bool FractionalBaseUnit,
    IReadOnlyList<UnitConversion> Conversions,
    decimal WeightKg,
    bool Active,
    bool Sellable,
    int ReplenishmentLeadTimeDays,
    IReadOnlyList<string> Substitutes)
{
    public static ItemResponse From(Item item) => new(
        item.Sku, item.Gtin?.Gtin14, item.Description, item.BaseUnit, item.FractionalBaseUnit,
        item.Conversions, item.WeightKg, item.Active, item.Sellable, item.ReplenishmentLeadTimeDays, item.Substitutes);
}

/// <summary>
/// An item as a client sends it to create, update or bulk-upsert. On an update, an omitted field
/// keeps its stored value; on a create, flags default to active and sellable, the base unit to EA.
/// </summary>
public sealed record ItemRequest(
    string? Sku,
    string? Gtin,
    string? Description,
    string? BaseUnit,
    bool? FractionalBaseUnit,
    IReadOnlyList<UnitConversion>? Conversions,
    decimal? WeightKg,
    bool? Active,
    bool? Sellable,
    int? ReplenishmentLeadTimeDays,
    IReadOnlyList<string>? Substitutes = null)
{
    public string? Key => Sku?.Trim().ToUpperInvariant();

    public (Sku Sku, ItemDetails Details)? Parse(FieldErrors errors, ItemDetails? existing = null)
    {
        var sku = errors.Check<Sku>("sku", Sku, Core.MasterData.Sku.TryParse);
        var gtin = Gtin is null ? existing?.Gtin
            : string.IsNullOrWhiteSpace(Gtin) ? null : errors.Check<Gtin>("gtin", Gtin, Core.Definitions.Gtin.TryParse);
        if (Conversions?.Any(c => c is null) == true) errors.Add("conversions", "A conversion is required at each position, not null.");
        var conversions = Conversions?.OfType<UnitConversion>().Select(c => c with { Unit = (c.Unit ?? "").Trim().ToUpperInvariant() }).ToList()
            ?? existing?.Conversions ?? [];
        var details = new ItemDetails(
            gtin,
            Description?.Trim() ?? existing?.Description ?? "",
            BaseUnit?.Trim().ToUpperInvariant() ?? existing?.BaseUnit ?? "EA",
            FractionalBaseUnit ?? existing?.FractionalBaseUnit ?? false,
            conversions,
            WeightKg ?? existing?.WeightKg ?? 0,
            Active ?? existing?.Active ?? true,
            Sellable ?? existing?.Sellable ?? true,
            ReplenishmentLeadTimeDays ?? existing?.ReplenishmentLeadTimeDays ?? 7,
            Substitutes ?? existing?.Substitutes);
        details.Validate(errors);
        if (existing is not null && (details.BaseUnit != existing.BaseUnit || details.FractionalBaseUnit != existing.FractionalBaseUnit))
            errors.Add("baseUnit", "Stock is counted in the base unit: it and whether it is fractional cannot change once an item exists. Create a new item instead.");
        return errors.IsEmpty && sku is { } valid ? (valid, details) : null;
    }
}
