using Orderly.Core.Inventory;
using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>
/// A unit an item is also handled in, and how many base units one of it holds
/// (a case of 12, a pallet of 480). Packaging units are always counted whole.
/// </summary>
public sealed record UnitConversion(string Unit, decimal Factor)
{
    public const int MaxUnitLength = 10;

    public static void Validate(UnitConversion conversion, string baseUnit, FieldErrors errors, string field)
    {
        if (!BusinessCode.TryParse(conversion.Unit, "unit", MaxUnitLength, out var unit, out var error))
            errors.Add(field + ".unit", error);
        else if (string.Equals(unit, baseUnit, StringComparison.Ordinal))
            errors.Add(field + ".unit", $"'{unit}' is the base unit; a conversion names another unit.");
        if (conversion.Factor <= 0 || conversion.Factor > 1_000_000)
            errors.Add(field + ".factor", "The factor is the number of base units in one unit: more than 0 and at most 1,000,000.");
        else if (decimal.Round(conversion.Factor, Quantity.Decimals) != conversion.Factor)
            errors.Add(field + ".factor", $"The factor has at most {Quantity.Decimals} decimal places.");
    }
}
