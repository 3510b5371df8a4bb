using Orderly.Core.Definitions;

namespace Orderly.Core.Tests.Definitions;

public class Gs1KeyTests
{
    [Theory]
    [InlineData("09528765432101234", 6)] // SSCC example from GS1's check digit calculator
    [InlineData("629104150021", 3)]
    [InlineData("890400021003", 7)]
    public void CheckDigit_KnownVectors(string data, int expected) =>
        Assert.Equal(expected, Gs1CheckDigit.Compute(data));

    [Theory]
    [InlineData("96385074")]        // GTIN-8
    [InlineData("036000291452")]    // GTIN-12 (UPC-A)
    [InlineData("4006381333931")]   // GTIN-13
    [InlineData("10614141000415")]  // GTIN-14
    public void Gtin_ValidLengthsAndCheckDigit_Parse(string text)
    {
        Assert.True(Gtin.TryParse(text, out var gtin, out var error), error);
        Assert.Equal(text, gtin.Value);
        Assert.Equal(14, gtin.Gtin14.Length);
    }

    [Fact]
    public void Gtin_WrongCheckDigit_SaysWhichDigitIsRight()
    {
        Assert.False(Gtin.TryParse("4006381333932", out _, out var error));
        Assert.Contains("check digit should be 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("40063813339", "has 8, 12, 13 or 14 digits")]
    [InlineData("40063813339A1", "digits only")]
    public void Gtin_Malformed_IsRefusedWithReason(string text, string reason)
    {
        Assert.False(Gtin.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gtin_EqualsItsZeroPaddedForm() =>
        Assert.Equal(Gtin.Parse("036000291452"), Gtin.Parse("0036000291452"));

    [Fact]
    public void Gln_ThirteenDigitsWithCheckDigit()
    {
        Assert.True(Gln.TryParse("0614141000012", out _, out var error), error);
        Assert.False(Gln.TryParse("0614141000013", out _, out _));
        Assert.False(Gln.TryParse("061414100001", out _, out _));
    }

    [Fact]
    public void Sscc_Create_AppendsCheckDigitAndPadsSerial()
    {
        var sscc = Sscc.Create(0, "9528765", 432101234);
        Assert.Equal("095287654321012346", sscc.Value);
        Assert.True(Sscc.TryParse(sscc.Value, out _, out _));
    }

    [Fact]
    public void Sscc_SerialTooLongForPrefix_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sscc.Create(0, "0614141000", 1_000_000));
}
