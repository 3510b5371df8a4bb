namespace Orderly.Core.Definitions;

/// <summary>
/// A GS1 Global Trade Item Number of 8, 12, 13 or 14 digits whose check digit is verified.
/// Two GTINs are equal when their 14-digit right-justified forms are equal.
/// </summary>
public readonly record struct Gtin
{
    private static readonly int[] Lengths = [8, 12, 13, 14];

    private Gtin(string value) => Value = value;

    /// <summary>The GTIN as given (8, 12, 13 or 14 digits).</summary>
    public string Value { get; }

    /// <summary>The GTIN right-justified in a 14-digit field, as GS1 stores it.</summary>
    public string Gtin14 => Value.PadLeft(14, '0');

    public static bool TryParse(string? text, out Gtin gtin, out string error)
    {
        var ok = Gs1CheckDigit.TryParseKey(text, Lengths, "GTIN", out var key, out error);
        gtin = ok ? new Gtin(key) : default;
        return ok;
    }

    public static Gtin Parse(string text) =>
        TryParse(text, out var gtin, out var error) ? gtin : throw new FormatException(error);

    public bool Equals(Gtin other) => string.Equals(Gtin14, other.Gtin14, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Gtin14);

    public override string ToString() => Value;
}
