namespace Orderly.Core.Definitions;

/// <summary>
/// A GS1 Serial Shipping Container Code: 18 digits (extension digit, company prefix and serial
/// reference, then the check digit), identifying one logistic unit such as a carton or pallet.
/// </summary>
public readonly record struct Sscc
{
    private static readonly int[] Lengths = [18];

    private Sscc(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Sscc sscc, out string error)
    {
        var ok = Gs1CheckDigit.TryParseKey(text, Lengths, "SSCC", out var key, out error);
        sscc = ok ? new Sscc(key) : default;
        return ok;
    }

    /// <summary>Builds an SSCC from its parts; prefix and serial together are always 16 digits.</summary>
    public static Sscc Create(int extensionDigit, string companyPrefix, long serialReference)
    {
        if (extensionDigit is < 0 or > 9) throw new ArgumentOutOfRangeException(nameof(extensionDigit));
        if (companyPrefix.Length is < 7 or > 10 || !companyPrefix.All(char.IsAsciiDigit))
            throw new ArgumentException("A GS1 company prefix has 7 to 10 digits.", nameof(companyPrefix));
        var serialDigits = 16 - companyPrefix.Length;
        var serial = serialReference.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (serialReference < 0 || serial.Length > serialDigits)
            throw new ArgumentOutOfRangeException(nameof(serialReference), $"The serial reference has at most {serialDigits} digits.");
        return new Sscc(Gs1CheckDigit.Complete($"{extensionDigit}{companyPrefix}{serial.PadLeft(serialDigits, '0')}"));
    }

    public override string ToString() => Value;
}
