using System.Text.Json;
using Orderly.Core.MasterData;
using Orderly.Core.Warehouse;
using Orderly.Data.Storage;

namespace Orderly.Data.Tests.Storage;

/// <summary>
/// The JSON columns are written by generated code since the sixth benchmark session; databases
/// written before hold what the reflection serializer wrote with the web defaults. Both must be
/// the same text, or a stored document would change on its next save and old rows would read wrong.
/// </summary>
public class StoredJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web);

    private static readonly ShipToAddress Dock = new("DOCK-2", "Acme \"East\" — dock 2", "1 Harbour Way", null, "Zürich", "ZH", "8001", "CH", IsDefault: true);

    [Fact]
    public void ShipTos_AreWrittenAsTheReflectionSerializerWroteThem_AndReadBack()
    {
        IReadOnlyList<ShipToAddress> list = [Dock, Dock with { Code = "MAIN", Line2 = "Unit 4", IsDefault = false }];
        AssertSameForm(new JsonListConverter<ShipToAddress>(), list);
    }

    [Fact]
    public void UnitConversions_KeepTheirDecimalDigits()
    {
        IReadOnlyList<UnitConversion> list = [new("CASE", 12m), new("KG", 0.125m), new("PAL", 1200.500m)];
        AssertSameForm(new JsonListConverter<UnitConversion>(), list);
    }

    [Fact]
    public void StringsAndContainerLines_AreWrittenAsBefore()
    {
        AssertSameForm(new JsonListConverter<string>(), (IReadOnlyList<string>)["SKU-1", "ÉTÉ-2"]);
        AssertSameForm(new JsonListConverter<ContainerLine>(), (IReadOnlyList<ContainerLine>)[new(1, 42, 1500), new(2, long.MaxValue, 0)]);
    }

    [Fact]
    public void AnOrdersShipTo_IsWrittenAsBefore()
    {
        var converter = new JsonValueConverter<ShipToAddress>();
        var stored = (string)converter.ConvertToProvider(Dock)!;
        Assert.Equal(JsonSerializer.Serialize(Dock, Reflection), stored);
        Assert.Equal(Dock, converter.ConvertFromProvider(stored));
    }

    [Fact]
    public void AnEmptyDocument_ReadsAsAnEmptyList()
    {
        Assert.Empty((IReadOnlyList<string>)new JsonListConverter<string>().ConvertFromProvider("null")!);
        Assert.Empty((IReadOnlyList<string>)new JsonListConverter<string>().ConvertFromProvider("[]")!);
    }

    [Fact]
    public void ATypeNotListed_IsRefusedByName()
    {
        var refused = Assert.Throws<NotSupportedException>(StoredJson.For<IReadOnlyList<DateTime>>);
        Assert.Contains("DateTime", refused.Message, StringComparison.Ordinal);
    }

    private static void AssertSameForm<T>(JsonListConverter<T> converter, IReadOnlyList<T> list)
    {
        var stored = (string)converter.ConvertToProvider(list)!;
        Assert.Equal(JsonSerializer.Serialize(list, Reflection), stored);
        Assert.Equal(list, (IReadOnlyList<T>)converter.ConvertFromProvider(stored)!);
    }
}
