namespace Orderly.Core.Definitions;

/// <summary>
/// The GS1 mod-10 check digit shared by GTIN, GLN and SSCC: from the rightmost data digit,
/// weights 3, 1, 3, 1 ... moving left; check = (10 - sum mod 10) mod 10.
/// </summary>
public static class Gs1CheckDigit
{
    public static int Compute(ReadOnlySpan<char> dataDigits)
    {
        var sum = 0;
        var weight = 3;
        for (var i = dataDigits.Length - 1; i >= 0; i--)
        {
            sum += (dataDigits[i] - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>True when <paramref name="key"/> is all digits and its last digit is the check digit of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<char> key)
    {
        if (key.Length < 2) return false;
        foreach (var c in key)
            if (c is < '0' or > '9') return false;
        return Compute(key[..^1]) == key[^1] - '0';
    }

    /// <summary>Appends the check digit to <paramref name="dataDigits"/>.</summary>
    public static string Complete(string dataDigits) =>
        dataDigits + (char)('0' + Compute(dataDigits));

    internal static bool TryParseKey(string? text, int[] lengths, string name, out string key, out string error)
    {
        key = (text ?? "").Trim();
        error = "";
        if (key.Length == 0)
        {
            error = $"A {name} is required.";
            return false;
        }
        if (!key.All(char.IsAsciiDigit))
        {
            error = $"A {name} has digits only; '{key}' has other characters.";
            return false;
        }
        if (!lengths.Contains(key.Length))
        {
            var allowed = lengths.Length == 1 ? $"{lengths[0]}" : $"{string.Join(", ", lengths[..^1])} or {lengths[^1]}";
            error = $"A {name} has {allowed} digits; '{key}' has {key.Length}.";
            return false;
        }
        if (!IsValid(key))
        {
            error = $"'{key}' is not a valid {name}: its check digit should be {Compute(key.AsSpan()[..^1])}.";
            return false;
        }
        return true;
    }
}
