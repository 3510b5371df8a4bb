using Orderly.Core.MasterData;
using Orderly.Data.Storage;

namespace Orderly.Import;

/// <summary>An item to create or update, validated: its SKU and everything else.</summary>
public sealed record ItemRow(string Sku, ItemDetails Details)
{
    public string? Gtin14 => Details.Gtin?.Gtin14;

    // The stored JSON is written when the row is made, on the thread that checks the rows, not on the one that writes them.

    /// <summary>The stored JSON of the unit conversions, as EF writes it.</summary>
    public string ConversionsJson { get; } = (string)StoredForms.Conversions.ConvertToProvider(Details.Conversions)!;

    /// <summary>Substitutes are stored trimmed and upper-case, as <see cref="Item"/> keeps them.</summary>
    public string SubstitutesJson { get; } = (string)StoredForms.Strings.ConvertToProvider(
        Details.SubstituteSkus.Select(s => s.Trim().ToUpperInvariant()).ToList())!;
}

/// <summary>A customer to create or update, validated: its account number and everything else.</summary>
public sealed record CustomerRow(string Account, CustomerDetails Details)
{
    /// <summary>The stored JSON of the ship-to addresses, written when the row is made (on the thread that checks the rows).</summary>
    public string ShipTosJson { get; } = (string)StoredForms.ShipTos.ConvertToProvider(Details.ShipTos)!;
}

/// <summary>The converters EF uses for these columns, so raw writes store exactly what EF would.</summary>
internal static class StoredForms
{
    public static readonly JsonListConverter<UnitConversion> Conversions = new();
    public static readonly JsonListConverter<string> Strings = new();
    public static readonly JsonListConverter<ShipToAddress> ShipTos = new();
}
