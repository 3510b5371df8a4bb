using Orderly.Core.Policies;

namespace Orderly.Core.Allocation;

/// <summary>The sites an order may draw on, in the order policy <c>allocation.sourcing</c> sets.</summary>
public static class SourcingOrder
{
    public static IReadOnlyList<SourcingSite> For(string sourcing, SourcingSite home, IReadOnlyList<SourcingSite> all)
    {
        // Plain loops into one list: the engine asks for every order it allocates.
        switch (sourcing)
        {
            case PolicyKeys.HomeSiteOnly:
                return [home];
            case PolicyKeys.HomeThenRegionDc:
                var homeThenDcs = new List<SourcingSite>(4) { home };
                AddRegionDcs(homeThenDcs, home, all);
                return homeThenDcs;
            case PolicyKeys.AnySite:
                var sites = new List<SourcingSite>(all.Count) { home };
                AddRegionDcs(sites, home, all);
                var regionStores = sites.Count;
                foreach (var site in all)
                    if (site.Region == home.Region && !site.IsDc && site.Id != home.Id) sites.Add(site);
                sites.Sort(regionStores, sites.Count - regionStores, ByCode);
                var elsewhere = sites.Count;
                foreach (var site in all)
                    if (site.Region != home.Region) sites.Add(site);
                sites.Sort(elsewhere, sites.Count - elsewhere, DcsFirstThenByCode);
                return sites;
            default:
                throw new ArgumentOutOfRangeException(nameof(sourcing), sourcing, "Not a value of allocation.sourcing.");
        }
    }

    private static void AddRegionDcs(List<SourcingSite> sites, SourcingSite home, IReadOnlyList<SourcingSite> all)
    {
        foreach (var site in all)
            if (site.IsDc && site.Region == home.Region && site.Id != home.Id) sites.Add(site);
    }

    private static readonly Comparer<SourcingSite> ByCode = Comparer<SourcingSite>.Create((a, b) => string.CompareOrdinal(a.Code, b.Code));

    private static readonly Comparer<SourcingSite> DcsFirstThenByCode = Comparer<SourcingSite>.Create((a, b) =>
        a.IsDc != b.IsDc ? (a.IsDc ? -1 : 1) : string.CompareOrdinal(a.Code, b.Code));
}
