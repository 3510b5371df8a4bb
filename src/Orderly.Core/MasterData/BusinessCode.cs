namespace Orderly.Core.MasterData;

/// <summary>
/// The rule for business keys typed by people (SKUs, site and location codes, account numbers):
/// 1 to <c>maxLength</c> characters of A-Z, 0-9 and <c>- _ . /</c>, stored upper-case so that
/// "brg-6204" and "BRG-6204" cannot both exist.
/// </summary>
public static class BusinessCode
{
    public static bool TryParse(string? text, string name, int maxLength, out string code, out string error)
    {
        code = (text ?? "").Trim().ToUpperInvariant();
        error = "";
        if (code.Length == 0)
        {
            error = $"A {name} is required.";
            return false;
        }
        if (code.Length > maxLength)
        {
            error = $"A {name} has at most {maxLength} characters; this one has {code.Length}.";
            return false;
        }
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or '/'))
            {
                error = $"A {name} may hold letters, digits and - _ . / only; '{code}' has '{c}'.";
                return false;
            }
        }
        return true;
    }
}
