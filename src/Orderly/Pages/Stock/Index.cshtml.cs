using Orderly.Api;
using Orderly.Application.Outcomes;
using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Inventory;
using Orderly.MasterData;
using Orderly.Security;
using Orderly.Application.Inventory;
using Orderly.Application.Paging;

namespace Orderly.Pages.Stock;

/// <summary>One picture of an item: every site and status, the ledger movements behind a site's figures, and receipts and adjustments.</summary>
[Authorize(Policy = Permissions.InventoryRead)]
public sealed class StockModel(OrderlyDbContext db, StockPostings postings, Actor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Sku { get; set; }
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public decimal? Quantity { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Reference { get; set; }

    public Item? Item { get; private set; }
    public IReadOnlyList<InventoryStatusDefinition> Statuses => InventoryStatuses.All.Where(s => s.OnHand).ToList();
    public IReadOnlyList<(string Site, IReadOnlyDictionary<InventoryStatus, decimal> ByStatus)> Grid { get; private set; } = [];
    public IReadOnlyList<MovementResponse> Movements { get; private set; } = [];
    public IReadOnlyList<string> Sites { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReceiveAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.InventoryReceive)) return Forbid();
        return await AfterAsync(await postings.ReceiveAsync(new ReceiptRequest(Site, Location, Sku, Quantity, Unit, null, Reference), actor, cancellationToken),
            "Received", cancellationToken);
    }

    public async Task<IActionResult> OnPostAdjustAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.InventoryAdjust)) return Forbid();
        return await AfterAsync(await postings.AdjustAsync(new AdjustmentRequest(Site, Location, Sku, Quantity, Unit, null, Reason, Reference), actor, cancellationToken),
            "Adjusted", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Outcome<MovementResponse> outcome, string verb, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            var movement = outcome.Value;
            Message = $"{verb} {movement.Quantity} {movement.BaseUnit} of {movement.Sku} at {movement.Site}.";
            return Redirect($"/stock?sku={movement.Sku}&site={movement.Site}");
        }
        var refusal = outcome.Refusal;
        Errors = refusal.Errors?.ToDictionary() ?? (refusal.Field is { } field ? new Dictionary<string, string[]> { [field] = [refusal.Detail] } : new Dictionary<string, string[]>());
        Problem = refusal.Errors is null && refusal.Field is null ? refusal.Detail : "Nothing was posted; see the fields marked below.";
        Response.StatusCode = refusal.StatusCode();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scopedSites = db.Sites.AsNoTracking().InScope(User.SiteScope());
        Sites = await scopedSites.OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Sku)) return;
        var key = Sku.Trim().ToUpperInvariant();
        Item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Sku == key, cancellationToken)
            ?? await db.Items.AsNoTracking().Where(i => i.Sku.StartsWith(key) || i.Description.ToLower().Contains(Sku.Trim().ToLower())).OrderBy(i => i.Sku).FirstOrDefaultAsync(cancellationToken);
        if (Item is null) return;
        Sku = Item.Sku;
        var itemId = Item.Id;
        var sums = await (from b in db.Balances.AsNoTracking()
                          join s in scopedSites on b.SiteId equals s.Id
                          where b.ItemId == itemId && b.QuantityMilli > 0
                          group b by new { s.Code, b.Status } into g
                          select new { g.Key.Code, g.Key.Status, Milli = g.Sum(b => b.QuantityMilli) }).ToListAsync(cancellationToken);
        Grid = sums.GroupBy(s => s.Code).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyDictionary<InventoryStatus, decimal>)g.ToDictionary(s => s.Status, s => s.Milli / 1000m))).ToList();
        Site ??= Grid.Count > 0 ? Grid[0].Site : null;
        if (Site is null || !Sites.Contains(Site)) return;
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == Site, cancellationToken);
        var locations = await db.Locations.AsNoTracking().Where(l => l.SiteId == site.Id).ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
        var movements = await db.Movements.AsNoTracking().Where(m => m.SiteId == site.Id && m.ItemId == itemId).OrderByDescending(m => m.Id).Take(50).ToListAsync(cancellationToken);
        Movements = movements.Select(m => MovementResponse.Of(m, site.Code, Item.Sku, Item.BaseUnit, locations)).ToList();
    }
}
