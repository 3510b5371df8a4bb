using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Events;
using Orderly.Data.Orders;
using Orderly.Orders;
using Orderly.Security;
using Orderly.Application.Orders;
using Orderly.Application.Paging;

namespace Orderly.Pages.Orders;

/// <summary>One order: lines, allocations per site, holds, promise dates, the decisions in words, and the event timeline.</summary>
[Authorize(Policy = Permissions.OrdersRead)]
public sealed class DetailModel(OrderReader reader, OrderChanges changes, OrderlyDbContext db, Actor actor) : PageModel
{
    public OrderResponse Order { get; private set; } = null!;
    public string CustomerName { get; private set; } = "";
    public IReadOnlyList<OrderDecisionRecord> Decisions { get; private set; } = [];
    public IReadOnlyList<EventRecord> Timeline { get; private set; } = [];
    public bool CanCancel { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string id, int? line, CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.OrdersCancel)) return Forbid();
        var outcome = await changes.CancelAsync(id, line, Reason, actor, cancellationToken);
        Problem = outcome.Refusal?.Detail;
        Message = !outcome.Succeeded ? null : line is null ? "The order is cancelled; its stock is available again." : $"Line {line} is cancelled.";
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReleaseCreditAsync(string id, CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.CreditRelease)) return Forbid();
        var outcome = await changes.ReleaseCreditHoldAsync(id, Reason, actor, cancellationToken);
        Problem = outcome.Refusal?.Detail;
        Message = !outcome.Succeeded ? null : "The credit hold is released.";
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var order = await reader.FindAsync(id, actor, cancellationToken);
        if (order is null) return false;
        Order = await reader.ResponseAsync(order, cancellationToken);
        CanCancel = order.CanBeCancelled && actor.Can(Permissions.OrdersCancel);
        CustomerName = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.Name).SingleAsync(cancellationToken);
        Decisions = await db.OrderDecisions.AsNoTracking().Where(d => d.OrderId == order.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        Timeline = await db.Events.AsNoTracking().Where(e => e.OrderId == order.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return true;
    }
}
