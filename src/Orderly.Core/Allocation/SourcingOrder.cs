using Orderly.Core.Policies;

namespace Orderly.Core.Allocation;

/// <summary>The sites an order may draw on, in the order policy <c>allocation.sourcing</c> sets.</summary>
public static class SourcingOrder
{
    public static IReadOnlyList<SourcingSite> For(string sourcing, SourcingSite home, IReadOnlyList<SourcingSite> all)
    {
        var regionDcs = all.Where(s => s.IsDc && s.Region == home.Region && s.Id != home.Id);
        return sourcing switch
        {
            PolicyKeys.HomeSiteOnly => [home],
            PolicyKeys.HomeThenRegionDc => [home, .. regionDcs],
            PolicyKeys.AnySite => [home, .. regionDcs,
                .. all.Where(s => s.Region == home.Region && !s.IsDc && s.Id != home.Id).OrderBy(s => s.Code, StringComparer.Ordinal),
                .. all.Where(s => s.Region != home.Region).OrderBy(s => s.IsDc ? 0 : 1).ThenBy(s => s.Code, StringComparer.Ordinal)],
            _ => throw new ArgumentOutOfRangeException(nameof(sourcing), sourcing, "Not a value of allocation.sourcing."),
        };
    }
}
