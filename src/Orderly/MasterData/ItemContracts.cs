using Orderly.Core.Definitions;
using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.MasterData;

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
/// An item as a client sends it to create, update or bulk-upsert. Omitted flags default to
/// active and sellable; the base unit defaults to EA (each).
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
    public (Sku Sku, ItemDetails Details)? Parse(FieldErrors errors)
    {
        var sku = errors.Check<Sku>("sku", Sku, Core.MasterData.Sku.TryParse);
        Gtin? gtin = string.IsNullOrWhiteSpace(Gtin) ? null : errors.Check<Gtin>("gtin", Gtin, Core.Definitions.Gtin.TryParse);
        var conversions = (Conversions ?? []).Select(c => c with { Unit = (c.Unit ?? "").Trim().ToUpperInvariant() }).ToList();
        var details = new ItemDetails(
            gtin,
            Description?.Trim() ?? "",
            (BaseUnit ?? "EA").Trim().ToUpperInvariant(),
            FractionalBaseUnit ?? false,
            conversions,
            WeightKg ?? 0,
            Active ?? true,
            Sellable ?? true,
            ReplenishmentLeadTimeDays ?? 7,
            Substitutes);
        details.Validate(errors);
        return errors.IsEmpty && sku is { } valid ? (valid, details) : null;
    }
}
