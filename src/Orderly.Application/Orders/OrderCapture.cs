using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Allocation;
using Orderly.Application.Events;
using Orderly.Application.Outcomes;
using Orderly.Core.Events;
using Orderly.Core.Orders;
using Orderly.Data;
using Orderly.Data.Orders;
using Orderly.Data.Storage;

namespace Orderly.Application.Orders;

/// <summary>The captured order, and whether this request created it or found it already captured.</summary>
public sealed record CaptureResult(Order Order, bool Created);

/// <summary>
/// Saves a validated order and allocates it in one transaction. Capture is idempotent on
/// (channel, external reference): a repeat finds the original, and two racing captures of the
/// same order meet the unique index, so one creates it and the other returns it. A lost race for
/// stock rolls the attempt back and tries again with a fresh view of stock.
/// </summary>
public sealed class OrderCapture(OrderlyDbContext db, OrderIntake intake, AllocationService allocation, EventLog events, TimeProvider clock)
{
    public const int MaxAttempts = 8;

    /// <summary>The detail of a refused order's problem, whichever channel sent it.</summary>
    public const string NotCapturedDetail = "The order was not captured; see errors.";

    /// <summary>
    /// Validates an order from any channel (<see cref="OrderIntake"/>) and captures it. Refused with
    /// the field errors when it is invalid, and with <c>external-ref-taken</c> (on
    /// <c>externalRef</c>) when the channel and reference belong to another customer's order, which
    /// is not the caller's to see.
    /// </summary>
    public async Task<Outcome<CaptureResult>> SubmitAsync(CaptureOrderRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (draft, errors) = await intake.ValidateAsync(request, actor, cancellationToken);
        if (draft is null) return new Refusal(RefusalKind.Invalid, "validation", NotCapturedDetail, Errors: errors);
        return await CaptureAsync(draft, actor, cancellationToken) is { } result
            ? result
            : Refusal.Conflict("external-ref-taken", ExternalRefTaken(draft)) with { Field = "externalRef" };
    }

    public static string ExternalRefTaken(OrderDraft draft) =>
        $"Reference '{draft.ExternalRef}' on channel {draft.Channel.ToString().ToLowerInvariant()} belongs to another customer's order; use a reference of this customer's own.";

    /// <summary>Captures a validated order; null when its channel and reference belong to another customer's order.</summary>
    public async Task<CaptureResult?> CaptureAsync(OrderDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt does not look for an earlier capture of the same order: reserving the keys
            // asks in the same statement, so a new order costs one query fewer (a repeat costs a plan and
            // a brief write transaction more). A retry after a lost race looks first.
            if (attempt > 1 && await FindAsync(draft.Channel, draft.ExternalRef, cancellationToken) is { } existing)
                return Repeat(draft, existing);
            // The first attempt plans before taking SQLite's one writer, so reads and planning do not
            // hold up other captures; a retry after a lost race plans inside the transaction, where
            // on SQLite nothing can take the stock from under it, so a hot item cannot starve it.
            var order = draft.ToOrder(clock.GetUtcNow());
            var plan = attempt == 1 ? await allocation.PlanAsync(order, draft.Customer, draft.HomeSite, cancellationToken) : null;
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            try
            {
                // Keys first, so the number exists for the events and the ledger; then the stock is taken and the
                // allocation applied, and only then are the order's rows written, once each, in their final state.
                if (!await db.ReserveKeysAsync(order, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    // Orders are never deleted, so the one the keys query saw is there to read.
                    return Repeat(draft, await FindAsync(draft.Channel, draft.ExternalRef, cancellationToken)
                        ?? throw new InvalidOperationException($"Order {draft.Channel} '{draft.ExternalRef}' was stored a moment ago and cannot be read now."));
                }
                events.Append(EventTypes.OrderAccepted, "order", order.Number,
                    new { channel = order.Channel, order.ExternalRef, customer = order.CustomerAccount, lines = order.Lines.Count }, order.Id, draft.HomeSite.Code);

                plan ??= await allocation.PlanAsync(order, draft.Customer, draft.HomeSite, cancellationToken);
                // Every row after the stock is taken (movements, the order, its lines and allocations, the
                // decisions and events) goes in one insert batch: one round trip on PostgreSQL, and on SQLite
                // no statement built or bound twice while the capture holds the one writer.
                var inserts = db.BeginInserts();
                var decisions = await allocation.TakeAsync(order, plan, intake.SiteToday(draft.HomeSite), actor.Name, cancellationToken, inserts);
                allocation.Record(order, plan, decisions, inserts.AddNewOrder(db, order));
                if (order.Holds != OrderHolds.None)
                    events.Append(EventTypes.OrderHeld, "order", order.Number, new { holds = Order.HoldCodes(order.Holds) }, order.Id, draft.HomeSite.Code);
                await events.FlushAsync(cancellationToken, inserts);
                await transaction.CommitAsync(cancellationToken);
                // The capture is its own unit of work: forgetting what it read keeps a batch or a file
                // import linear, since every later SaveChanges would otherwise scan all earlier entities.
                db.ChangeTracker.Clear();
                return new CaptureResult(order, Created: true);
            }
            catch (Exception exception) when (attempt < MaxAttempts && IsRetryable(exception))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                events.Discard();
            }
        }
    }

    /// <summary>The answer to a capture of an order already stored: the original, unless it is another customer's.</summary>
    private static CaptureResult? Repeat(OrderDraft draft, Order existing) =>
        existing.CustomerId == draft.Customer.Id ? new CaptureResult(existing, Created: false) : null;

    public Task<Order?> FindAsync(OrderChannel channel, string externalRef, CancellationToken cancellationToken) =>
        db.Orders.Include(o => o.Lines).ThenInclude(l => l.Allocations)
            .SingleOrDefaultAsync(o => o.Channel == channel && o.ExternalRef == externalRef, cancellationToken);

    /// <summary>
    /// A lost race for stock, a concurrent capture of the same order (unique violation), or a
    /// PostgreSQL deadlock or serialization failure: each is resolved by trying again.
    /// </summary>
    private static bool IsRetryable(Exception exception) => exception switch
    {
        AllocationRaceException => true,
        _ when DatabaseErrors.IsUniqueViolation(exception) => true,
        _ when DatabaseErrors.IsDeadlockOrSerializationFailure(exception) => true,
        _ => false,
    };
}
