using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
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

    [Theory]
    [InlineData(0, "0")]
    [InlineData(5, "0.005")]
    [InlineData(50, "0.05")]
    [InlineData(500, "0.5")]
    [InlineData(1_010, "1.01")]
    [InlineData(12_000, "12")]
    [InlineData(1_000_000_000_000, "1000000000")]
    public void ToString_IsInvariantWithoutTrailingZeros(long milli, string expected) =>
        Assert.Equal(expected, Quantity.FromMilli(milli).ToString());

    /// <summary>The hand-written formatter says exactly what decimal's "0.###" says, for any quantity.</summary>
    [FsCheck.Xunit.Property(MaxTest = 1000, Replay = "20261126,1")]
    public Property ToString_AgreesWithDecimalFormatting() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue).Select(n => (long)n * 467)), milli =>
            Quantity.FromMilli(milli).ToString() == (milli / 1000m).ToString("0.###", CultureInfo.InvariantCulture));

    [Fact]
    public void TryFormat_TooSmallADestination_ReportsFailure() =>
        Assert.False(Quantity.FromMilli(12_345).TryFormat(new char[5], out _, default, CultureInfo.InvariantCulture));
}
