using Orderly.Core.MasterData;
using Orderly.Data.Storage;

namespace Orderly.Data.Import;

// The rows are classes, not records: their stored JSON is written once, when the row is made (on
// the thread that checks the rows, not on the one that writes them), and a record's `with` would
// copy it beside changed details.

/// <summary>An item to create or update, validated: its SKU and everything else.</summary>
public sealed class ItemRow(string sku, ItemDetails details)
{
    public string Sku { get; } = sku;

    public ItemDetails Details { get; } = details;

    public string? Gtin14 => Details.Gtin?.Gtin14;

    /// <summary>The stored JSON of the unit conversions, as EF writes it.</summary>
    public string ConversionsJson { get; } = (string)StoredForms.Conversions.ConvertToProvider(details.Conversions)!;

    /// <summary>Substitutes are stored trimmed and upper-case, as <see cref="Item"/> keeps them.</summary>
    public string SubstitutesJson { get; } = (string)StoredForms.Strings.ConvertToProvider(
        details.SubstituteSkus.Select(s => s.Trim().ToUpperInvariant()).ToList())!;
}

/// <summary>A customer to create or update, validated: its account number and everything else.</summary>
public sealed class CustomerRow(string account, CustomerDetails details)
{
    public string Account { get; } = account;

    public CustomerDetails Details { get; } = details;

    /// <summary>The stored JSON of the ship-to addresses.</summary>
    public string ShipTosJson { get; } = (string)StoredForms.ShipTos.ConvertToProvider(details.ShipTos)!;
}

/// <summary>The converters EF uses for these columns, so raw writes store exactly what EF would.</summary>
internal static class StoredForms
{
    public static readonly JsonListConverter<UnitConversion> Conversions = new();
    public static readonly JsonListConverter<string> Strings = new();
    public static readonly JsonListConverter<ShipToAddress> ShipTos = new();
}
