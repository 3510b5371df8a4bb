using Orderly.Application.Outcomes;
using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Security;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Security;
using Orderly.Warehouse;
using Orderly.Application.Paging;
using Orderly.Application.Warehouse;

namespace Orderly.Pages.Warehouse;

/// <summary>Pack an order's picked goods into a container (its SSCC is shown), then ship packed containers with a carrier.</summary>
[Authorize]
public sealed class PackModel(OrderlyDbContext db, Shipping shipping, Actor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Order { get; set; }
    [BindProperty] public string? Carrier { get; set; } = "UPS";
    [BindProperty] public string? Service { get; set; } = "Ground";
    [BindProperty] public string? TrackingNumber { get; set; }

    public IReadOnlyList<string> Sites { get; private set; } = [];
    public IReadOnlyList<(int Line, string Sku, decimal Picked)> Picked { get; private set; } = [];
    public IReadOnlyList<string> PackedContainers { get; private set; } = [];
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    /// <summary>Packers and shippers both work here: Transport ships what pickers and supervisors packed.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.Pack) && !User.Can(Permissions.Ship)) return Forbid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPackAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.Pack)) return Forbid();
        await LoadAsync(cancellationToken);
        var lines = Picked.Where(p => p.Picked > 0).Select(p => new PackLine(p.Line, p.Picked)).ToList();
        var outcome = await shipping.PackAsync(Site ?? "", new PackRequest(Order, lines), actor, cancellationToken);
        if (!outcome.Succeeded) return await ShowAsync(outcome.Refusal, cancellationToken);
        var container = outcome.Value;
        Message = $"Packed into container SSCC {container.Sscc}.";
        return Redirect($"/pack?site={container.Site}&order={container.Order}");
    }

    public async Task<IActionResult> OnPostShipAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.Ship)) return Forbid();
        await LoadAsync(cancellationToken);
        var outcome = await shipping.ShipAsync(Site ?? "", new ShipRequest(Order, PackedContainers, Carrier, Service, TrackingNumber), actor, cancellationToken);
        if (!outcome.Succeeded) return await ShowAsync(outcome.Refusal, cancellationToken);
        var shipment = outcome.Value;
        Message = $"Shipped {shipment.Containers.Count} container(s) with {shipment.Carrier} {shipment.Service}, tracking {shipment.TrackingNumber}.";
        return Redirect($"/pack?site={shipment.Site}&order={shipment.Order}");
    }

    private async Task<IActionResult> ShowAsync(Refusal refusal, CancellationToken cancellationToken)
    {
        Problem = refusal.Message;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Sites, Site) = await SiteChoice.ResolveAsync(Site, User, db, cancellationToken);
        if (Site is null || string.IsNullOrWhiteSpace(Order)) return;
        var number = Order.Trim().ToUpperInvariant();
        Order = number;
        var siteId = await db.Sites.Where(s => s.Code == Site).Select(s => s.Id).SingleAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (order is null) { Problem = $"There is no order '{number}'."; return; }
        var containers = await db.Containers.AsNoTracking().Where(c => c.OrderId == order.Id && c.SiteId == siteId).ToListAsync(cancellationToken);
        PackedContainers = containers.Where(c => c.Status == ContainerStatus.Packed).Select(c => c.Sscc).ToList();
        var packed = containers.SelectMany(c => c.Lines).GroupBy(l => l.LineNumber).ToDictionary(g => g.Key, g => g.Sum(l => l.QuantityMilli));
        var picked = await (from t in db.PickTasks.AsNoTracking()
                            join a in db.LineAllocations on t.AllocationId equals a.Id
                            join l in db.OrderLines on a.OrderLineId equals l.Id
                            where t.OrderId == order.Id && t.SiteId == siteId
                            group t by new { l.LineNumber, l.Sku } into g
                            select new { g.Key.LineNumber, g.Key.Sku, Milli = g.Sum(t => t.PickedMilli) }).ToListAsync(cancellationToken);
        Picked = picked.Select(p => (p.LineNumber, p.Sku, (p.Milli - packed.GetValueOrDefault(p.LineNumber)) / 1000m)).OrderBy(p => p.LineNumber).ToList();
    }
}
