using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.Core.Tests.MasterData;

public class ItemUnitTests
{
    private static Item Bearing() => new(Sku.Parse("BRG-6204"), new ItemDetails(null, "Ball bearing 6204-2RS", "EA", false,
        [new UnitConversion("CS", 12), new UnitConversion("PL", 480)], 0.2m, true, true, 14));

    private static Item Cable() => new(Sku.Parse("CBL-3G15"), new ItemDetails(null, "Cable 3G1.5 per metre", "M", true,
        [new UnitConversion("RL", 100)], 0.15m, true, true, 21));

    [Theory]
    [InlineData(3, "CS", 36)]
    [InlineData(1, "PL", 480)]
    [InlineData(5, null, 5)]
    [InlineData(5, "ea", 5)]
    public void TryToBase_ConvertsByFactor(decimal amount, string? unit, decimal expected)
    {
        Assert.True(Bearing().TryToBase(amount, unit, out var quantity, out var error), error);
        Assert.Equal(Quantity.Of(expected), quantity);
    }

    [Theory]
    [InlineData(0, "EA", "more than zero")]
    [InlineData(-2, "EA", "more than zero")]
    [InlineData(1.5, "EA", "whole units")]
    [InlineData(0.5, "CS", "whole units")]
    [InlineData(1, "BOX", "no unit 'BOX'")]
    public void TryToBase_BadQuantityOrUnit_IsRefused(decimal amount, string unit, string reason)
    {
        Assert.False(Bearing().TryToBase(amount, unit, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FractionalBaseUnit_AcceptsFractions_ButPackagingStaysWhole()
    {
        Assert.True(Cable().TryToBase(12.5m, "M", out var metres, out _));
        Assert.Equal(Quantity.Of(12.5m), metres);
        Assert.False(Cable().TryToBase(0.5m, "RL", out _, out _));
    }

    [Fact]
    public void Details_Validate_ReportsEveryBadField()
    {
        var details = new ItemDetails(null, "", "EA", false,
            [new UnitConversion("EA", 12), new UnitConversion("CS", 0), new UnitConversion("CS", 6)], -1, true, true, 400);
        var errors = new FieldErrors();
        details.Validate(errors);
        var fields = errors.ToDictionary().Keys.ToHashSet();
        Assert.Superset(new HashSet<string> { "description", "weightKg", "replenishmentLeadTimeDays", "conversions[0].unit", "conversions[1].factor", "conversions" }, fields);
    }

    [Theory]
    [InlineData(null, "EA")]
    [InlineData("  ", "EA")]
    [InlineData("cs", "CS")]
    [InlineData(" PL ", "PL")]
    public void TryResolveUnit_BlankIsTheBaseUnit_OthersAreUpperCased(string? unit, string expected)
    {
        Assert.True(Bearing().TryResolveUnit(unit, out var code, out var error), error);
        Assert.Equal(expected, code);
    }

    [Fact]
    public void TryResolveUnit_UnknownUnit_NamesTheUnitsTheItemHas()
    {
        Assert.False(Bearing().TryResolveUnit("box", out _, out var error));
        Assert.Equal("Item BRG-6204 has no unit 'BOX'; use one of: EA, CS, PL.", error);
    }
}
