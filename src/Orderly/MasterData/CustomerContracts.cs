using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.MasterData;

public sealed record CustomerResponse(
    string AccountNumber,
    string Name,
    string Segment,
    string HomeSite,
    IReadOnlyList<ShipToAddress> ShipTos,
    bool Blocked,
    bool CreditHold)
{
    public static CustomerResponse From(Customer customer, string homeSiteCode) => new(
        customer.AccountNumber, customer.Name, customer.Segment, homeSiteCode, customer.ShipTos, customer.Blocked, customer.CreditHold);
}

/// <summary>A customer as a client sends it; <c>homeSite</c> is a site code.</summary>
public sealed record CustomerRequest(
    string? AccountNumber,
    string? Name,
    string? Segment,
    string? HomeSite,
    IReadOnlyList<ShipToAddress>? ShipTos,
    bool? Blocked,
    bool? CreditHold)
{
    /// <summary>Validates everything but whether the home site exists, which <paramref name="siteIds"/> answers.</summary>
    public (string Account, CustomerDetails Details)? Parse(FieldErrors errors, IReadOnlyDictionary<string, long> siteIds)
    {
        if (!BusinessCode.TryParse(AccountNumber, "account number", Customer.AccountMaxLength, out var account, out var accountError))
            errors.Add("accountNumber", accountError);
        var homeSite = HomeSite?.Trim().ToUpperInvariant() ?? "";
        if (homeSite.Length == 0) errors.Add("homeSite", "A home site code is required.");
        else if (!siteIds.ContainsKey(homeSite)) errors.Add("homeSite", $"There is no site '{homeSite}' that you may use.");
        var details = new CustomerDetails(
            Name?.Trim() ?? "",
            Segment?.Trim().ToLowerInvariant() ?? "",
            siteIds.GetValueOrDefault(homeSite),
            ShipTos ?? [],
            Blocked ?? false,
            CreditHold ?? false);
        details.Validate(errors);
        return errors.IsEmpty ? (account, details) : null;
    }
}
