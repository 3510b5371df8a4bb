namespace Orderly.Core.Definitions;

/// <summary>A GS1 Global Location Number: 13 digits with a verified check digit.</summary>
public readonly record struct Gln
{
    private static readonly int[] Lengths = [13];

    private Gln(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Gln gln, out string error)
    {
        var ok = Gs1CheckDigit.TryParseKey(text, Lengths, "GLN", out var key, out error);
        gln = ok ? new Gln(key) : default;
        return ok;
    }

    public static Gln Parse(string text) =>
        TryParse(text, out var gln, out var error) ? gln : throw new FormatException(error);

    public override string ToString() => Value;
}
