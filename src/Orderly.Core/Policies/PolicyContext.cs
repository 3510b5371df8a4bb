namespace Orderly.Core.Policies;

/// <summary>What a policy is resolved for: an order's customer, its segment, and the site and region serving it.</summary>
public sealed record PolicyContext(string CustomerAccount, string Segment, string SiteCode, string Region)
{
    public string ValueFor(PolicyScope scope) => scope switch
    {
        PolicyScope.Enterprise => "",
        PolicyScope.Region => Region,
        PolicyScope.Site => SiteCode,
        PolicyScope.Segment => Segment,
        PolicyScope.Customer => CustomerAccount,
    };
}
