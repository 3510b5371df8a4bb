using Orderly.Application.Outcomes;
using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Security;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Warehouse;
using Orderly.Application.Paging;
using Orderly.Application.Warehouse;

namespace Orderly.Pages.Warehouse;

/// <summary>The supervisor's view of a site: release a wave, open tasks, short picks raised, lines waiting for stock.</summary>
[Authorize(Policy = Permissions.WavesRelease)]
public sealed class WarehouseModel(OrderlyDbContext db, WaveRelease waves, Actor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty] public int? MaxLines { get; set; } = 50;

    public IReadOnlyList<string> Sites { get; private set; } = [];
    public IReadOnlyList<PickTaskResponse> OpenTasks { get; private set; } = [];
    public IReadOnlyList<(DateTimeOffset RaisedAt, string Details, string Status)> ShortPicks { get; private set; } = [];
    public IReadOnlyList<(string Order, long OrderId, int Line, string Sku, decimal Backordered, DateOnly? Promise)> Backorders { get; private set; } = [];
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken cancellationToken)
    {
        var outcome = await waves.ReleaseAsync(Site ?? "", new WaveRequest(MaxLines, null, null), actor, cancellationToken);
        if (!outcome.Succeeded)
        {
            Problem = outcome.Refusal.Detail;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var wave = outcome.Value;
        Message = $"Wave {wave.Id} released: {wave.Tasks.Count} pick tasks.";
        return Redirect($"/warehouse?site={wave.Site}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Sites, Site) = await SiteChoice.ResolveAsync(Site, User, db, cancellationToken);
        if (Site is null) return;
        var siteId = await db.Sites.Where(s => s.Code == Site).Select(s => s.Id).SingleAsync(cancellationToken);
        OpenTasks = (await PickTaskViews.Query(db).Where(t => t.SiteId == siteId && t.Status == PickTaskStatus.Open)
            .OrderBy(t => t.Wave).ThenBy(t => t.Sequence).Take(100).ToListAsync(cancellationToken)).Select(PickTaskViews.Response).ToList();
        ShortPicks = (await db.Exceptions.AsNoTracking().Where(e => e.SiteId == siteId).OrderByDescending(e => e.Id).Take(20)
            .Select(e => new { e.RaisedAt, e.Details, e.Status }).ToListAsync(cancellationToken)).Select(e => (e.RaisedAt, e.Details, e.Status)).ToList();
        Backorders = (await (from o in db.Orders.AsNoTracking()
                             from l in o.Lines
                             where o.HomeSiteId == siteId && l.BackorderedMilli > 0
                             orderby l.PromiseDate, o.Id
                             select new { o.Number, o.Id, l.LineNumber, l.Sku, l.BackorderedMilli, l.PromiseDate }).Take(50).ToListAsync(cancellationToken))
            .Select(b => (b.Number, b.Id, b.LineNumber, b.Sku, b.BackorderedMilli / 1000m, b.PromiseDate)).ToList();
    }
}
