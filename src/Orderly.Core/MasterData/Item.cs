using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>
/// Something the distributor stocks and sells, identified enterprise-wide by its SKU.
/// Stock is always counted in the base unit; other units convert by a fixed factor.
/// </summary>
public sealed class Item
{
    private List<UnitConversion> _conversions = [];
    private List<string> _substitutes = [];

    private Item() { }

    public Item(Sku sku, ItemDetails details)
    {
        Sku = sku.Value;
        Apply(details);
    }

    public long Id { get; private set; }
    /// <summary>The SKU code; set only from a parsed <see cref="MasterData.Sku"/>, so always valid.</summary>
    public string Sku { get; private set; } = "";
    public Gtin? Gtin { get; private set; }
    public string Description { get; private set; } = "";
    public string BaseUnit { get; private set; } = "";

    /// <summary>True when the base unit may be counted in fractions (metres, kilograms); false for each-type units.</summary>
    public bool FractionalBaseUnit { get; private set; }

    public IReadOnlyList<UnitConversion> Conversions => _conversions;
    public decimal WeightKg { get; private set; }
    public bool Active { get; private set; }
    public bool Sellable { get; private set; }
    public int ReplenishmentLeadTimeDays { get; private set; }

    /// <summary>SKUs approved to fill a shortage of this item, in order of preference.</summary>
    public IReadOnlyList<string> Substitutes => _substitutes;

    /// <summary>Every unit this item may be counted in: the base unit first, then its packaging units.</summary>
    public IEnumerable<string> Units => new[] { BaseUnit }.Concat(_conversions.Select(c => c.Unit));


    public ItemDetails Details => new(Gtin, Description, BaseUnit, FractionalBaseUnit, _conversions, WeightKg, Active, Sellable, ReplenishmentLeadTimeDays, _substitutes);

    public void Update(ItemDetails details) => Apply(details);

    private void Apply(ItemDetails details)
    {
        Gtin = details.Gtin;
        Description = details.Description;
        BaseUnit = details.BaseUnit;
        FractionalBaseUnit = details.FractionalBaseUnit;
        _conversions = [.. details.Conversions];
        WeightKg = details.WeightKg;
        Active = details.Active;
        Sellable = details.Sellable;
        ReplenishmentLeadTimeDays = details.ReplenishmentLeadTimeDays;
        _substitutes = [.. details.SubstituteSkus.Select(s => s.Trim().ToUpperInvariant())];
    }

    /// <summary>
    /// The unit code <paramref name="unit"/> names for this item, upper-cased: the base unit when it
    /// is blank. A unit the item is not counted in is refused, naming the units it has.
    /// </summary>
    public bool TryResolveUnit(string? unit, out string unitCode, out string error)
    {
        unitCode = string.IsNullOrWhiteSpace(unit) ? BaseUnit : unit.Trim().ToUpperInvariant();
        error = "";
        if (string.Equals(unitCode, BaseUnit, StringComparison.Ordinal)) return true;
        foreach (var conversion in _conversions)
            if (string.Equals(conversion.Unit, unitCode, StringComparison.Ordinal)) return true;
        error = $"Item {Sku} has no unit '{unitCode}'; use one of: {string.Join(", ", Units)}.";
        return false;
    }

    /// <summary>
    /// Converts an amount in <paramref name="unit"/> (the base unit when null) to base units.
    /// Packaging units and non-fractional base units accept whole numbers only; zero is refused.
    /// </summary>
    public bool TryToBase(decimal amount, string? unit, out Quantity quantity, out string error)
    {
        quantity = default;
        if (!TryResolveUnit(unit, out var unitCode, out error)) return false;
        decimal factor;
        bool fractional;
        if (string.Equals(unitCode, BaseUnit, StringComparison.Ordinal))
        {
            factor = 1;
            fractional = FractionalBaseUnit;
        }
        else
        {
            factor = _conversions.First(c => string.Equals(c.Unit, unitCode, StringComparison.Ordinal)).Factor;
            fractional = false;
        }
        if (amount <= 0)
        {
            error = "A quantity must be more than zero.";
            return false;
        }
        if (amount > Quantity.Max / factor)
        {
            error = $"{amount} {unitCode} is more than {Quantity.Max:N0} {BaseUnit}, the most a quantity may be.";
            return false;
        }
        if (!fractional && decimal.Truncate(amount) != amount)
        {
            error = $"{unitCode} is counted in whole units; {amount} is fractional.";
            return false;
        }
        return Quantity.TryCreate(amount * factor, out quantity, out error);
    }
}
