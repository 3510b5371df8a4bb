using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Allocation;
using Orderly.Application.Audit;
using Orderly.Application.Events;
using Orderly.Application.Observability;
using Orderly.Application.Outcomes;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Data.Inventory;

namespace Orderly.Application.Inventory;

/// <summary>
/// The three manual stock postings (receipts, adjustments, moves), for the API and the stock page
/// alike. Each is one transaction: the movement, the balances, the audit entry and the event are
/// saved together, or nothing is; freed available stock is offered to waiting backorders at once.
/// </summary>
public sealed class StockPostings(OrderlyDbContext db, LedgerStore ledger, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, EventLog events)
{
    public async Task<Outcome<MovementResponse>> ReceiveAsync(ReceiptRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var references = new StockReferences(db, actor, errors);
        await references.ResolveSiteAndItemAsync(request.Site, request.Sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Refusal.SiteOutOfScope(outside);
        var location = await references.LocationAsync("location", request.Location, cancellationToken);
        var status = references.Status("status", request.Status);
        var quantity = references.Quantity("quantity", request.Quantity, request.Unit);
        CheckReference(request.Reference, errors);
        if (!errors.IsEmpty) return Refusal.Invalid(errors);

        var bucket = new StockBucket(references.Site!.Id, location!.Value, references.Item!.Id, status!.Value);
        var movement = StockMovement.Receipt(bucket, quantity!.Value, request.Reference?.Trim());
        return await PostAsync(movement, references, actor, cancellationToken);
    }

    public async Task<Outcome<MovementResponse>> AdjustAsync(AdjustmentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var references = new StockReferences(db, actor, errors);
        await references.ResolveSiteAndItemAsync(request.Site, request.Sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Refusal.SiteOutOfScope(outside);
        var location = await references.LocationAsync("location", request.Location, cancellationToken, receives: request.Delta > 0);
        var status = references.Status("status", request.Status);
        if (!AdjustmentReasons.TryParse(request.Reason, out var reason, out var reasonError)) errors.Add("reason", reasonError);
        var quantity = request.Delta is null or 0
            ? null
            : references.Quantity("delta", Math.Abs(request.Delta.Value), request.Unit);
        if (request.Delta is null or 0) errors.Add("delta", "An adjustment changes stock: give a positive delta to add or a negative one to remove.");
        CheckReference(request.Reference, errors);
        if (!errors.IsEmpty) return Refusal.Invalid(errors);

        var bucket = new StockBucket(references.Site!.Id, location!.Value, references.Item!.Id, status!.Value);
        var movement = StockMovement.Adjustment(bucket, request.Delta > 0, quantity!.Value, reason, request.Reference?.Trim());
        return await PostAsync(movement, references, actor, cancellationToken);
    }

    public async Task<Outcome<MovementResponse>> MoveAsync(MoveRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var references = new StockReferences(db, actor, errors);
        await references.ResolveSiteAndItemAsync(request.Site, request.Sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Refusal.SiteOutOfScope(outside);
        if (request.From is null) errors.Add("from", "Say where the stock comes from: { location, status }.");
        if (request.To is null) errors.Add("to", "Say where the stock goes: { location, status }.");
        var fromLocation = await references.LocationAsync("from.location", request.From?.Location, cancellationToken, receives: false);
        var toLocation = await references.LocationAsync("to.location", request.To?.Location, cancellationToken);
        var fromStatus = references.Status("from.status", request.From?.Status);
        var toStatus = references.Status("to.status", request.To?.Status);
        var quantity = references.Quantity("quantity", request.Quantity, request.Unit);
        CheckReference(request.Reference, errors);
        if (errors.IsEmpty && fromLocation == toLocation && fromStatus == toStatus)
            errors.Add("to", "A move goes somewhere else: another location, another status, or both.");
        if (!errors.IsEmpty) return Refusal.Invalid(errors);

        var site = references.Site!.Id;
        var item = references.Item!.Id;
        var movement = StockMovement.Move(
            new StockBucket(site, fromLocation!.Value, item, fromStatus!.Value),
            new StockBucket(site, toLocation!.Value, item, toStatus!.Value),
            quantity!.Value, request.Reference?.Trim());
        return await PostAsync(movement, references, actor, cancellationToken);
    }

    private static void CheckReference(string? reference, FieldErrors errors)
    {
        if (reference is { Length: > 100 }) errors.Add("reference", "A reference has at most 100 characters.");
    }

    private async Task<Outcome<MovementResponse>> PostAsync(StockMovement movement, StockReferences references, Actor actor, CancellationToken cancellationToken)
    {
        var site = references.Site!;
        var item = references.Item!;
        var locationCodes = await db.Locations.AsNoTracking().Where(l => l.SiteId == site.Id)
            .ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (!await ledger.TryPostAsync(movement, actor.Name, clock.GetUtcNow(), cancellationToken))
        {
            var from = movement.From!.Value;
            var held = await ledger.BalanceAsync(from, cancellationToken);
            return Refusal.Conflict("insufficient-stock",
                $"{site.Code}/{locationCodes[from.LocationId]} holds only {held} {item.BaseUnit} of {item.Sku} as '{from.Status.Code()}'; " +
                $"this needs {movement.Quantity} {item.BaseUnit}. Nothing was changed.");
        }
        var record = db.Movements.Local.Last();
        if (movement.To is { Status: InventoryStatus.Available })
            await reallocation.ReallocateAsync(item.Id, actor.Name, cancellationToken);
        var response = MovementResponse.Of(record, site.Code, item.Sku, item.BaseUnit, locationCodes);
        audit.Record(actor, response.Kind, "stock", $"{site.Code}/{item.Sku}", null, response, movement.ReasonCode ?? movement.Reference, site.Code);
        var type = movement.Kind switch
        {
            MovementKind.Receipt => EventTypes.StockReceived,
            MovementKind.Adjustment => EventTypes.StockAdjusted,
            _ => EventTypes.StockMoved,
        };
        events.Append(type, "stock", $"{site.Code}/{item.Sku}", response, siteCode: site.Code);
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        OrderlyMetrics.MovementsPosted.Add(1);
        return response;
    }
}
