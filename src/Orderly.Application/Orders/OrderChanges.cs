using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Allocation;
using Orderly.Application.Audit;
using Orderly.Application.Events;
using Orderly.Application.Outcomes;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.Orders;
using Orderly.Data;
using Orderly.Data.Inventory;

namespace Orderly.Application.Orders;

/// <summary>
/// Changes to a captured order, for the API and the pages alike: cancelling it or one line (its
/// allocated stock goes back to available and waiting orders may take it) and releasing a credit hold.
/// </summary>
public sealed class OrderChanges(OrderReader reader, OrderlyDbContext db, LedgerStore ledger, EventLog events, AuditTrail audit,
    TimeProvider clock, BackorderReallocation reallocation)
{
    public async Task<Outcome<Order>> CancelAsync(string id, int? lineNumber, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 300)
            return Refusal.Invalid("reason", "Say why, in 1 to 300 characters: the customer and the audit log will read it.");
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var order = await reader.FindAsync(id, actor, cancellationToken);
        if (order is null) return Refusal.NotFound($"There is no order '{id}' that you may see.");
        var line = lineNumber is { } number ? order.Lines.SingleOrDefault(l => l.LineNumber == number) : null;
        if (lineNumber is not null && line is null) return Refusal.NotFound($"Order {order.Number} has no line {lineNumber}.");
        if (order.CancellationRefusal(lineNumber) is { } refusal) return Refusal.Conflict("not-cancellable", refusal);

        var key = lineNumber is null ? order.Number : $"{order.Number}/{lineNumber}";
        var before = OrderResponse.Code(order.Status);
        var released = lineNumber is { } n ? order.CancelLine(n) : order.Cancel();
        var now = clock.GetUtcNow();
        foreach (var stock in released.OrderBy(a => a.SiteId).ThenBy(a => a.LocationId).ThenBy(a => a.ItemId))
        {
            var held = new StockBucket(stock.SiteId, stock.LocationId, stock.ItemId, InventoryStatus.Allocated);
            if (!await ledger.TryPostAsync(StockMovement.Move(held, held with { Status = InventoryStatus.Available }, stock.Quantity, order.Number), actor.Name, now, cancellationToken))
                throw new InvalidOperationException($"The ledger holds less allocated stock than order {order.Number} records; the books disagree.");
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var itemId in released.Select(r => r.ItemId).Distinct())
            await reallocation.ReallocateAsync(itemId, actor.Name, cancellationToken);
        events.Append(lineNumber is null ? EventTypes.OrderCancelled : EventTypes.LineCancelled, lineNumber is null ? "order" : "order-line",
            key, new { reason = reason.Trim() }, order.Id, await HomeSiteAsync(order, cancellationToken));
        audit.Record(actor, "cancelled", "order", key, new { status = before }, new { status = OrderResponse.Code(order.Status) }, reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    public async Task<Outcome<Order>> ReleaseCreditHoldAsync(string id, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 300)
            return Refusal.Invalid("reason", "Say why the hold is released, in 1 to 300 characters.");
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var order = await reader.FindAsync(id, actor, cancellationToken);
        if (order is null) return Refusal.NotFound($"There is no order '{id}' that you may see.");
        if (!order.Holds.HasFlag(OrderHolds.Credit)) return Refusal.Conflict("not-held", $"Order {order.Number} is not on credit hold.");
        order.ReleaseCreditHold();
        events.Append(EventTypes.OrderHoldReleased, "order", order.Number, new { hold = "credit", reason = reason.Trim() }, order.Id, await HomeSiteAsync(order, cancellationToken));
        audit.Record(actor, "credit-hold-released", "order", order.Number, new { holds = "credit" }, new { holds = Order.HoldCodes(order.Holds) }, reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    private Task<string> HomeSiteAsync(Order order, CancellationToken cancellationToken) =>
        db.Sites.Where(s => s.Id == order.HomeSiteId).Select(s => s.Code).SingleAsync(cancellationToken);
}
