using Orderly.Core.Definitions;
using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>Everything about an item except its key: what a create or update supplies.</summary>
public sealed record ItemDetails(
    Gtin? Gtin,
    string Description,
    string BaseUnit,
    bool FractionalBaseUnit,
    IReadOnlyList<UnitConversion> Conversions,
    decimal WeightKg,
    bool Active,
    bool Sellable,
    int ReplenishmentLeadTimeDays,
    IReadOnlyList<string>? Substitutes = null)
{
    /// <summary>SKUs approved to fill a shortage of this item, in order of preference (used where policy substitution allows).</summary>
    public IReadOnlyList<string> SubstituteSkus => Substitutes ?? [];

    public const int MaxDescriptionLength = 200;

    /// <summary>Records every rule these details break; field names are the API's JSON names.</summary>
    public void Validate(FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Description))
            errors.Add("description", "A description is required.");
        else if (Description.Length > MaxDescriptionLength)
            errors.Add("description", $"A description has at most {MaxDescriptionLength} characters.");
        if (!BusinessCode.TryParse(BaseUnit, "base unit", UnitConversion.MaxUnitLength, out _, out var unitError))
            errors.Add("baseUnit", unitError);
        if (WeightKg < 0 || WeightKg > 100_000)
            errors.Add("weightKg", "The weight is between 0 and 100,000 kg.");
        if (ReplenishmentLeadTimeDays is < 0 or > 365)
            errors.Add("replenishmentLeadTimeDays", "The replenishment lead time is between 0 and 365 days.");
        for (var i = 0; i < Conversions.Count; i++)
            UnitConversion.Validate(Conversions[i], BaseUnit.Trim().ToUpperInvariant(), errors, $"conversions[{i}]");
        if (SubstituteSkus.Count > 10) errors.Add("substitutes", "At most 10 substitutes.");
        for (var i = 0; i < SubstituteSkus.Count; i++)
            if (!Sku.TryParse(SubstituteSkus[i], out _, out var skuError)) errors.Add($"substitutes[{i}]", skuError);
        var duplicate = Conversions.GroupBy(c => c.Unit.Trim().ToUpperInvariant(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            errors.Add("conversions", $"Unit '{duplicate.Key}' is listed more than once.");
    }
}
