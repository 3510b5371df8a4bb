using Orderly.Application.Access;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.MasterData;
using Orderly.Orders;
using Orderly.Security;
using Orderly.Application.Orders;

namespace Orderly.Pages;

/// <summary>The home page: what each role needs first (a picker its open tasks, customer service order search, and so on).</summary>
public sealed class IndexModel(OrderlyDbContext db, OrderReader reader, Actor actor) : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string Sites { get; private set; } = "";
    public int OpenTasks { get; private set; }
    public int HeldOrders { get; private set; }
    public int BackorderedOrders { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var scope = User.SiteScope();
        Sites = scope.AllSites ? "all sites" : string.Join(", ", scope.Codes.Order(StringComparer.Ordinal));
        if (User.Can(Permissions.Pick))
        {
            var siteIds = await db.Sites.AsNoTracking().InScope(scope).Select(s => s.Id).ToListAsync(cancellationToken);
            OpenTasks = await db.PickTasks.CountAsync(t => siteIds.Contains(t.SiteId) && t.Status == PickTaskStatus.Open, cancellationToken);
        }
        if (User.Can(Permissions.OrdersRead))
        {
            var orders = await reader.VisibleAsync(actor, cancellationToken);
            HeldOrders = await orders.CountAsync(o => o.Status == OrderStatus.Held, cancellationToken);
            BackorderedOrders = await orders.CountAsync(o => o.Status == OrderStatus.Backordered, cancellationToken);
        }
    }
}
