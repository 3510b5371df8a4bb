namespace Orderly.Core.MasterData;

/// <summary>A stock-keeping unit code: the enterprise-wide business key of an item.</summary>
public readonly record struct Sku
{
    public const int MaxLength = 40;

    private Sku(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Sku sku, out string error)
    {
        var ok = BusinessCode.TryParse(text, "SKU", MaxLength, out var code, out error);
        sku = ok ? new Sku(code) : default;
        return ok;
    }

    public static Sku Parse(string text) =>
        TryParse(text, out var sku, out var error) ? sku : throw new FormatException(error);

    public override string ToString() => Value;
}
