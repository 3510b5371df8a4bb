using Orderly.Core.Inventory;

namespace Orderly.Core.Tests.Inventory;

public class QuantityTests
{
    [Theory]
    [InlineData(-1, "cannot be negative")]
    [InlineData(0.0001, "at most 3 decimal places")]
    [InlineData(1_000_000_001, "at most 1,000,000,000")]
    public void TryCreate_OutOfRange_IsRefused(decimal value, string reason)
    {
        Assert.False(Quantity.TryCreate(value, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Milli_RoundTripsExactly()
    {
        var quantity = Quantity.Of(12.345m);
        Assert.Equal(12_345, quantity.Milli);
        Assert.Equal(quantity, Quantity.FromMilli(quantity.Milli));
        Assert.Equal("12.345", quantity.ToString());
    }

    [Fact]
    public void Subtract_BelowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(1) - Quantity.Of(2));
}
