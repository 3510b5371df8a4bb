using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Orders;
using Orderly.Data;
using Orderly.Security;

namespace Orderly.Orders;

/// <summary>
/// Finds orders the caller may see (its sites include the order's home site or a site allocated
/// to it) and turns them into responses.
/// </summary>
public sealed class OrderReader(OrderlyDbContext db)
{
    public async Task<IQueryable<Order>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = user.SiteScope();
        if (scope.AllSites) return db.Orders;
        var codes = scope.Codes.ToList();
        var siteIds = await db.Sites.Where(s => codes.Contains(s.Code)).Select(s => s.Id).ToListAsync(cancellationToken);
        return db.Orders.Where(o => siteIds.Contains(o.HomeSiteId) || o.Lines.Any(l => l.Allocations.Any(a => siteIds.Contains(a.SiteId))));
    }

    /// <summary>Finds an order by id or by number (SO-0000042), with its lines, if the caller may see it.</summary>
    public async Task<Order?> FindAsync(string idOrNumber, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var orders = (await VisibleAsync(user, cancellationToken)).Include(o => o.Lines).ThenInclude(l => l.Allocations);
        var key = idOrNumber.Trim().ToUpperInvariant();
        return long.TryParse(key, out var id)
            ? await orders.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await orders.SingleOrDefaultAsync(o => o.Number == key, cancellationToken);
    }

    public async Task<OrderResponse> ResponseAsync(Order order, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var substituteIds = order.Lines.SelectMany(l => l.Allocations.Where(a => a.ItemId != l.ItemId).Select(a => a.ItemId)).Distinct().ToList();
        var skus = substituteIds.Count == 0
            ? new Dictionary<long, string>()
            : await db.Items.AsNoTracking().Where(i => substituteIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Sku, cancellationToken);
        return OrderResponse.From(order, sites, skus);
    }
}
