using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Orders;
using Orderly.Security;
using Orderly.Application.Orders;

namespace Orderly.Pages.Orders;

/// <summary>Order search: by number, customer or external reference, status, channel, site and date; sorted and paged.</summary>
[Authorize(Policy = Permissions.OrdersRead)]
public sealed class OrderListModel(OrderReader reader, OrderlyDbContext db, Actor actor) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "newest";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed record Row(long Id, string Number, string Customer, string ExternalRef, string Channel, string Status, string Site, DateTimeOffset CreatedAt, int Lines);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>False when more than <see cref="Total"/> orders match (the count stops at a cap).</summary>
    public bool TotalIsExact { get; private set; } = true;
    public IReadOnlyList<string> Sites { get; private set; } = [];
    public static IEnumerable<string> Statuses => Enum.GetValues<OrderStatus>().Select(OrderResponse.Code);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var filters = new List<Func<IQueryable<Order>, IQueryable<Order>>>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            var upper = term.ToUpperInvariant();
            filters.Add(q => q.Where(o => o.Number == upper || o.CustomerAccount == upper || o.ExternalRef == term));
        }
        if (Enum.GetValues<OrderStatus>().FirstOrDefault(s => OrderResponse.Code(s) == Status) is var status && Statuses.Contains(Status))
            filters.Add(q => q.Where(o => o.Status == status));
        if (Enum.TryParse<OrderChannel>(Channel, true, out var channel)) filters.Add(q => q.Where(o => o.Channel == channel));
        var siteCodes = await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var scope = User.SiteScope();
        Sites = [.. siteCodes.Values.Where(scope.Includes)];
        if (!string.IsNullOrWhiteSpace(Site) && Sites.Contains(Site) && siteCodes.FirstOrDefault(s => s.Value == Site).Key is var siteId and > 0)
            filters.Add(q => q.Where(o => o.HomeSiteId == siteId));
        if (From is { } from) filters.Add(q => q.Where(o => o.CreatedAt >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        if (To is { } to) filters.Add(q => q.Where(o => o.CreatedAt < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        IQueryable<Order> Filter(IQueryable<Order> orders) => filters.Aggregate(orders, (current, apply) => apply(current));

        // Counted only up to a cap, as the API's search does: an exact count of a million orders costs more than the page.
        var visible = await reader.VisibleOrdersAsync(actor, cancellationToken);
        var query = Filter(visible.Query.AsNoTracking());
        var upTo = Math.Max(OrderReader.ExactTotalUpTo, PageNumber * PageSize);
        var counted = await visible.CountAsync(Filter, upTo + 1, cancellationToken);
        (Total, TotalIsExact) = (Math.Min(counted, upTo), counted <= upTo);
        var ordered = Sort switch
        {
            "oldest" => query.OrderBy(o => o.Id),
            "customer" => query.OrderBy(o => o.CustomerAccount).ThenByDescending(o => o.Id),
            "status" => query.OrderBy(o => o.Status).ThenByDescending(o => o.Id),
            _ => query.OrderByDescending(o => o.Id),
        };
        // The page's ids first, from the index; then only those orders are read and their lines counted.
        var ids = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(o => o.Id).ToListAsync(cancellationToken);
        var rows = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Number, o.CustomerAccount, o.ExternalRef, o.Channel, o.Status, o.HomeSiteId, o.CreatedAt, Lines = o.Lines.Count })
            .ToListAsync(cancellationToken);
        Rows = rows.OrderBy(o => ids.IndexOf(o.Id)).Select(o => new Row(o.Id, o.Number, o.CustomerAccount, o.ExternalRef, o.Channel.ToString().ToLowerInvariant(),
            OrderResponse.Code(o.Status), siteCodes[o.HomeSiteId], o.CreatedAt, o.Lines)).ToList();
    }

    public string Link(int? page = null, string? sort = null) => Url.Page("/Orders/List", new
    {
        q = Q, status = Status, channel = Channel, site = Site, from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), sort = sort ?? Sort, p = page ?? PageNumber,
    })!;
}
