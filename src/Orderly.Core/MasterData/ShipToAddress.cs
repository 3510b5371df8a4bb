using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>A delivery address of a customer; exactly one of a customer's addresses is the default.</summary>
public sealed record ShipToAddress(
    string Code,
    string Name,
    string Line1,
    string? Line2,
    string City,
    string Region,
    string PostalCode,
    string Country,
    bool IsDefault)
{
    public void Validate(FieldErrors errors, string field)
    {
        Require(errors, field + ".code", Code, 20);
        Require(errors, field + ".name", Name, 100);
        Require(errors, field + ".line1", Line1, 100);
        if (Line2 is { Length: > 100 }) errors.Add(field + ".line2", "At most 100 characters.");
        Require(errors, field + ".city", City, 60);
        Require(errors, field + ".region", Region, 60);
        Require(errors, field + ".postalCode", PostalCode, 20);
        if (Country is null || Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper))
            errors.Add(field + ".country", "A country is its ISO 3166-1 alpha-2 code in capitals, e.g. US.");
    }

    private static void Require(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "Required.");
        else if (value.Length > maxLength) errors.Add(field, $"At most {maxLength} characters.");
    }
}
