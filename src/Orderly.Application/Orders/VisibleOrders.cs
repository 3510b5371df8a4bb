using Microsoft.EntityFrameworkCore;
using Orderly.Core.Orders;
using Orderly.Data;

namespace Orderly.Application.Orders;

/// <summary>
/// The orders a caller may see: every order, or, for a caller scoped to some sites, the orders homed
/// at one of them or allocated at one of them.
/// </summary>
public sealed class VisibleOrders(OrderlyDbContext db, IReadOnlyList<long>? siteIds)
{
    /// <summary>The caller may see every order.</summary>
    public bool AllSites => siteIds is null;

    public IQueryable<Order> Query => siteIds is null
        ? db.Orders
        : db.Orders.Where(o => siteIds.Contains(o.HomeSiteId) || db.LineAllocations.Any(a => a.OrderId == o.Id && siteIds.Contains(a.SiteId)));

    /// <summary>
    /// How many visible orders <paramref name="filter"/> keeps, counted up to <paramref name="limit"/>.
    /// For a scoped caller the count is taken in two disjoint halves, the orders homed at its sites and
    /// the orders homed elsewhere but allocated at them, because each half runs from an index (the second
    /// from the allocations' <c>(site_id, order_id)</c>, without reading the order lines): counted
    /// in one query, the either-or made PostgreSQL walk the orders from the newest until it had seen
    /// enough visible ones, about 200,000 rows for a branch on a database of 1,000,000 orders
    /// (docs/performance.md §4).
    /// </summary>
    public async Task<int> CountAsync(Func<IQueryable<Order>, IQueryable<Order>> filter, int limit, CancellationToken cancellationToken)
    {
        if (siteIds is null) return await filter(db.Orders.AsNoTracking()).Take(limit).CountAsync(cancellationToken);
        var homed = await filter(db.Orders.AsNoTracking().Where(o => siteIds.Contains(o.HomeSiteId))).Take(limit).CountAsync(cancellationToken);
        if (homed >= limit) return homed;
        var allocated = await filter(db.Orders.AsNoTracking()
                .Where(o => !siteIds.Contains(o.HomeSiteId) && db.LineAllocations.Any(a => a.OrderId == o.Id && siteIds.Contains(a.SiteId))))
            .Take(limit - homed).CountAsync(cancellationToken);
        return homed + allocated;
    }
}
