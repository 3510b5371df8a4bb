using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Allocation;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Events;
using Orderly.Security;

namespace Orderly.Orders;

/// <summary>Changes to a captured order: cancelling it or a line (its stock goes back to available) and releasing a credit hold.</summary>
public static class OrderChangeEndpoints
{
    public sealed record CancelRequest(string? Reason);

    public static void MapOrderChangeEndpoints(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{id}/cancel", CancelOrder).RequireAuthorization(Permissions.OrdersCancel);
        orders.MapPost("/{id}/lines/{line:int}/cancel", CancelLine).RequireAuthorization(Permissions.OrdersCancel);
        orders.MapPost("/{id}/release-credit-hold", ReleaseCreditHold).RequireAuthorization(Permissions.CreditRelease);
    }

    private static Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelOrder(
        string id, CancelRequest request, ClaimsPrincipal user, OrderReader reader, OrderlyDbContext db, LedgerStore ledger,
        EventLog events, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, CancellationToken cancellationToken) =>
        CancelAsync(id, null, request, user, reader, db, ledger, events, audit, clock, reallocation, cancellationToken);

    private static Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelLine(
        string id, int line, CancelRequest request, ClaimsPrincipal user, OrderReader reader, OrderlyDbContext db, LedgerStore ledger,
        EventLog events, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, CancellationToken cancellationToken) =>
        CancelAsync(id, line, request, user, reader, db, ledger, events, audit, clock, reallocation, cancellationToken);

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string id, int? lineNumber, CancelRequest request, ClaimsPrincipal user, OrderReader reader, OrderlyDbContext db, LedgerStore ledger,
        EventLog events, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 300)
            return Problems.Validation("reason", "Say why, in 1 to 300 characters: the customer and the audit log will read it.");
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var order = await reader.FindAsync(id, user, cancellationToken);
        if (order is null) return Problems.NotFound($"There is no order '{id}' that you may see.");
        var line = lineNumber is { } number ? order.Lines.SingleOrDefault(l => l.LineNumber == number) : null;
        if (lineNumber is not null && line is null) return Problems.NotFound($"Order {order.Number} has no line {lineNumber}.");
        if (line is { IsOpen: false } || (line is null && !order.CanBeCancelled))
            return Problems.Conflict("not-cancellable", $"{(line is null ? $"Order {order.Number}" : $"Line {lineNumber}")} has nothing left to cancel, or picking has started.");
        if (line is { InWarehouse: true })
            return Problems.Conflict("not-cancellable", $"Line {lineNumber} is in the warehouse (a pick task is out, or it is picked); cancel what is left after it ships.");

        var before = OrderResponse.HoldCodes(order.Holds);
        var released = lineNumber is { } n ? order.CancelLine(n) : order.Cancel();
        await ReleaseAsync(released, order, ledger, audit.Actor, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var itemId in released.Select(r => r.ItemId).Distinct())
            await reallocation.ReallocateAsync(itemId, audit.Actor, cancellationToken);
        events.Append(lineNumber is null ? EventTypes.OrderCancelled : EventTypes.LineCancelled, lineNumber is null ? "order" : "order-line",
            lineNumber is null ? order.Number : $"{order.Number}/{lineNumber}", new { reason = request.Reason.Trim() }, order.Id);
        audit.Record("cancelled", "order", lineNumber is null ? order.Number : $"{order.Number}/{lineNumber}",
            new { holds = before }, new { status = OrderResponse.Code(order.Status) }, request.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await reader.ResponseAsync(order, cancellationToken));
    }

    private static async Task ReleaseAsync(IReadOnlyList<ReleasedStock> released, Order order, LedgerStore ledger, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var allocation in released.OrderBy(a => a.SiteId).ThenBy(a => a.LocationId).ThenBy(a => a.ItemId))
        {
            var held = new StockBucket(allocation.SiteId, allocation.LocationId, allocation.ItemId, InventoryStatus.Allocated);
            var move = StockMovement.Move(held, held with { Status = InventoryStatus.Available }, allocation.Quantity, order.Number);
            if (!await ledger.TryPostAsync(move, actor, now, cancellationToken))
                throw new InvalidOperationException($"The ledger holds less allocated stock than order {order.Number} records; the books disagree.");
        }
    }

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> ReleaseCreditHold(
        string id, CancelRequest request, ClaimsPrincipal user, OrderReader reader, OrderlyDbContext db, EventLog events, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 300)
            return Problems.Validation("reason", "Say why the hold is released, in 1 to 300 characters.");
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var order = await reader.FindAsync(id, user, cancellationToken);
        if (order is null) return Problems.NotFound($"There is no order '{id}' that you may see.");
        if (!order.Holds.HasFlag(OrderHolds.Credit)) return Problems.Conflict("not-held", $"Order {order.Number} is not on credit hold.");
        order.ReleaseCreditHold();
        events.Append(EventTypes.OrderHoldReleased, "order", order.Number, new { hold = "credit", reason = request.Reason.Trim() }, order.Id);
        audit.Record("credit-hold-released", "order", order.Number, new { holds = "credit" }, new { holds = OrderResponse.HoldCodes(order.Holds) }, request.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await reader.ResponseAsync(order, cancellationToken));
    }
}
