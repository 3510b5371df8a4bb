using Orderly.Application.Access;
using Orderly.Application.Outcomes;
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

/// <summary>The picker's page, made for a phone: one task at a time, in pick-path order, with big buttons.</summary>
[Authorize(Policy = Permissions.Pick)]
public sealed class PickModel(OrderlyDbContext db, PickConfirmation confirmation, Actor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public long? Task { get; set; }
    [BindProperty] public decimal? Quantity { get; set; }

    public IReadOnlyList<string> Sites { get; private set; } = [];
    public PickTaskResponse? Current { get; private set; }
    public int OpenTasks { get; private set; }
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Sites, Site) = await SiteChoice.ResolveAsync(Site, User, db, cancellationToken);
        if (Task is { } id)
        {
            var task = await PickTaskViews.Query(db).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            // Another branch's task answers exactly as a task that does not exist.
            if (task is null || !actor.Reaches(task.Site)) return NotFound();
            Current = PickTaskViews.Response(task);
            Site = task.Site;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await confirmation.ConfirmAsync(id, Quantity, actor, cancellationToken);
        if (outcome.Refusal is { Kind: RefusalKind.NotFound }) return NotFound();
        if (!outcome.Succeeded)
        {
            Problem = outcome.Refusal.Detail;
            Task = id;
            return await OnGetAsync(cancellationToken);
        }
        var task = outcome.Value;
        Message = task.Status == "short"
            ? $"Short pick recorded: {task.Picked} of {task.Quantity} {task.BaseUnit}. Your supervisor has been told."
            : $"Picked {task.Picked} {task.BaseUnit} of {task.Sku} from {task.Location}.";
        return Redirect($"/pick?site={task.Site}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Site is null) return;
        var open = PickTaskViews.Query(db).Where(t => t.Site == Site && t.Status == PickTaskStatus.Open);
        OpenTasks = await open.CountAsync(cancellationToken);
        if (Current is null && await open.OrderBy(t => t.Wave).ThenBy(t => t.Sequence).FirstOrDefaultAsync(cancellationToken) is { } next)
            Current = PickTaskViews.Response(next);
    }
}
