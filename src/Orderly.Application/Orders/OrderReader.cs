using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.MasterData;
using Orderly.Application.Paging;
using Orderly.Core.Orders;
using Orderly.Data;

namespace Orderly.Application.Orders;

/// <summary>
/// Finds orders the caller may see (its sites include the order's home site or a site allocated
/// to it) and turns them into responses.
/// </summary>
public sealed class OrderReader(OrderlyDbContext db, ReferenceData reference)
{
    public async Task<IQueryable<Order>> VisibleAsync(Actor actor, CancellationToken cancellationToken) =>
        (await VisibleOrdersAsync(actor, cancellationToken)).Query;

    public async Task<VisibleOrders> VisibleOrdersAsync(Actor actor, CancellationToken cancellationToken)
    {
        var scope = actor.Sites;
        if (scope.AllSites) return new VisibleOrders(db, null);
        var codes = scope.Codes.ToList();
        var siteIds = await db.Sites.Where(s => codes.Contains(s.Code)).Select(s => s.Id).ToListAsync(cancellationToken);
        return new VisibleOrders(db, siteIds);
    }

    /// <summary>Finds an order by id or by number (SO-0000042), with its lines, if the caller may see it.</summary>
    public async Task<Order?> FindAsync(string idOrNumber, Actor actor, CancellationToken cancellationToken)
    {
        var orders = (await VisibleAsync(actor, cancellationToken)).Include(o => o.Lines).ThenInclude(l => l.Allocations);
        var key = idOrNumber.Trim().ToUpperInvariant();
        return long.TryParse(key, out var id)
            ? await orders.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await orders.SingleOrDefaultAsync(o => o.Number == key, cancellationToken);
    }

    /// <summary>How many matches a search counts; past this, <c>total</c> is a lower bound (<c>totalIsExact</c> false).</summary>
    public const int ExactTotalUpTo = 10_000;

    /// <summary>
    /// One page of the visible orders <paramref name="filter"/> keeps, newest first. The page's ids
    /// are found first, from an index alone, and only those orders are read and their lines counted:
    /// an OFFSET over whole rows would read, and count the lines of, every order it skips. The total
    /// is not counted when this page holds the last match; otherwise it is counted up to
    /// <paramref name="exactUpTo"/> matches or the end of this page, whichever is further, because an
    /// exact count of a million orders costs more than everything else a search does.
    /// </summary>
    public async Task<OrderPage> SearchAsync(VisibleOrders visible, Func<IQueryable<Order>, IQueryable<Order>> filter, PageRequest paging,
        CancellationToken cancellationToken, int exactUpTo = ExactTotalUpTo)
    {
        var skip = (paging.Number - 1) * paging.Size;
        var pageIds = filter(visible.Query.AsNoTracking()).OrderByDescending(o => o.Id).Select(o => o.Id).Skip(skip).Take(paging.Size);
        var rows = await db.Orders.AsNoTracking().Where(o => pageIds.Contains(o.Id)).OrderByDescending(o => o.Id)
            .Select(o => new { o.Id, o.Number, o.Status, o.Channel, o.ExternalRef, o.CustomerAccount, o.Priority, o.CreatedAt, Lines = o.Lines.Count })
            .ToListAsync(cancellationToken);
        var items = rows.Select(o => new OrderSummary(o.Id, o.Number, OrderResponse.Code(o.Status), o.Channel.ToString().ToLowerInvariant(),
            o.ExternalRef, o.CustomerAccount, o.Priority.ToString().ToLowerInvariant(), o.CreatedAt, o.Lines)).ToList();
        if (rows.Count < paging.Size && (rows.Count > 0 || skip == 0))
            return new OrderPage(items, paging.Number, paging.Size, skip + rows.Count, TotalIsExact: true);
        var upTo = Math.Max(exactUpTo, skip + paging.Size);
        var counted = await visible.CountAsync(filter, upTo + 1, cancellationToken);
        return new OrderPage(items, paging.Number, paging.Size, Math.Min(counted, upTo), TotalIsExact: counted <= upTo);
    }

    public async Task<OrderResponse> ResponseAsync(Order order, CancellationToken cancellationToken)
    {
        var sites = await reference.SiteCodesAsync(cancellationToken);
        var substituteIds = order.Lines.SelectMany(l => l.Allocations.Where(a => a.ItemId != l.ItemId).Select(a => a.ItemId)).Distinct().ToList();
        var skus = substituteIds.Count == 0 ? new Dictionary<long, string>()
            : (await reference.ItemsByIdAsync(substituteIds, cancellationToken)).ToDictionary(i => i.Key, i => i.Value.Sku);
        return OrderResponse.From(order, sites, skus);
    }
}
