using Orderly.Core.MasterData;

namespace Orderly.Core.Tests.MasterData;

public class BusinessCodeTests
{
    [Fact]
    public void Sku_IsTrimmedAndUpperCased()
    {
        Assert.True(Sku.TryParse("  brg-6204/2rs ", out var sku, out _));
        Assert.Equal("BRG-6204/2RS", sku.Value);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("BRG 6204", "has ' '")]
    [InlineData("BRG-6204-2RS-C3-EXTRA-LONG-CODE-THAT-GOES-ON", "at most 40")]
    public void Sku_Invalid_SaysWhy(string text, string reason)
    {
        Assert.False(Sku.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
