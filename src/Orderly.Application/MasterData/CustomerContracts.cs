using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.Application.MasterData;

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

/// <summary>A customer as a client sends it; <c>homeSite</c> is a site code. On an update, an omitted field keeps its value.</summary>
public sealed record CustomerRequest(
    string? AccountNumber,
    string? Name,
    string? Segment,
    string? HomeSite,
    IReadOnlyList<ShipToAddress>? ShipTos,
    bool? Blocked,
    bool? CreditHold)
{
    public string? Key => AccountNumber?.Trim().ToUpperInvariant();

    /// <summary>Validates the customer; <paramref name="siteIds"/> are the home sites the caller may use.</summary>
    public (string Account, CustomerDetails Details)? Parse(FieldErrors errors, IReadOnlyDictionary<string, long> siteIds,
        CustomerDetails? existing = null, string? existingHomeSite = null)
    {
        if (!BusinessCode.TryParse(AccountNumber, "account number", Customer.AccountMaxLength, out var account, out var accountError))
            errors.Add("accountNumber", accountError);
        var homeSite = HomeSite?.Trim().ToUpperInvariant() ?? existingHomeSite ?? "";
        if (homeSite.Length == 0) errors.Add("homeSite", "A home site code is required.");
        else if (!siteIds.ContainsKey(homeSite)) errors.Add("homeSite", $"There is no site '{homeSite}' that you may use.");
        if (ShipTos?.Any(a => a is null) == true) errors.Add("shipTos", "An address is required at each position, not null.");
        var details = new CustomerDetails(
            Name?.Trim() ?? existing?.Name ?? "",
            Segment?.Trim().ToLowerInvariant() ?? existing?.Segment ?? "",
            siteIds.GetValueOrDefault(homeSite),
            ShipTos?.OfType<ShipToAddress>().ToList() ?? existing?.ShipTos ?? [],
            Blocked ?? existing?.Blocked ?? false,
            CreditHold ?? existing?.CreditHold ?? false);
        details.Validate(errors);
        return errors.IsEmpty ? (account, details) : null;
    }
}
