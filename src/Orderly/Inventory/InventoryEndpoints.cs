using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Allocation;
using Orderly.Audit;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Events;
using Orderly.Hosting;
using Orderly.MasterData;
using Orderly.Security;

namespace Orderly.Inventory;

/// <summary>
/// Stock: balances by status, the ledger behind them, and the three manual postings (receipts,
/// adjustments, moves). Every posting is one transaction: the movement, the balances and the
/// audit entry are saved together, or nothing is.
/// </summary>
public static class InventoryEndpoints
{
    public static void MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var inventory = app.MapGroup("/api/inventory").WithTags("Inventory");
        inventory.MapGet("/", Balances).RequireAuthorization(Permissions.InventoryRead);
        inventory.MapGet("/movements", Movements).RequireAuthorization(Permissions.InventoryRead);
        inventory.MapPost("/receipts", Receive).RequireAuthorization(Permissions.InventoryReceive);
        inventory.MapPost("/adjustments", Adjust).RequireAuthorization(Permissions.InventoryAdjust);
        inventory.MapPost("/moves", Move).RequireAuthorization(Permissions.InventoryMove);
    }

    /// <summary>Balances by status per site and item, for the sites in the caller's scope.</summary>
    private static async Task<Results<Ok<Page<BalanceResponse>>, ValidationProblem, ProblemHttpResult>> Balances(
        OrderlyDbContext db, ClaimsPrincipal user, string? sku, string? site, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var sites = db.Sites.AsNoTracking().InScope(user.SiteScope());
        if (!string.IsNullOrWhiteSpace(site))
        {
            var code = site.Trim().ToUpperInvariant();
            if (!user.SiteScope().Includes(code)) return Problems.SiteOutOfScope(code);
            if (!await db.Sites.AnyAsync(s => s.Code == code, cancellationToken)) return Problems.NotFound($"There is no site '{code}'.");
            sites = sites.Where(s => s.Code == code);
        }
        var items = db.Items.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(sku))
        {
            var key = sku.Trim().ToUpperInvariant();
            if (!await db.Items.AnyAsync(i => i.Sku == key, cancellationToken)) return Problems.NotFound($"There is no item with SKU '{key}'.");
            items = items.Where(i => i.Sku == key);
        }

        var rows =
            from b in db.Balances.AsNoTracking()
            join s in sites on b.SiteId equals s.Id
            join i in items on b.ItemId equals i.Id
            where b.QuantityMilli > 0
            select new { SiteId = s.Id, SiteCode = s.Code, ItemId = i.Id, i.Sku, i.BaseUnit, b.Status, b.QuantityMilli };
        var pairs = rows.GroupBy(r => new { r.SiteCode, r.Sku, r.SiteId, r.ItemId, r.BaseUnit }).Select(g => g.Key)
            .OrderBy(k => k.SiteCode).ThenBy(k => k.Sku);
        var total = await pairs.CountAsync(cancellationToken);
        var pagePairs = await pairs.Skip((paging.Number - 1) * paging.Size).Take(paging.Size).ToListAsync(cancellationToken);

        var siteIds = pagePairs.Select(p => p.SiteId).Distinct().ToList();
        var itemIds = pagePairs.Select(p => p.ItemId).Distinct().ToList();
        var sums = await rows.Where(r => siteIds.Contains(r.SiteId) && itemIds.Contains(r.ItemId))
            .GroupBy(r => new { r.SiteId, r.ItemId, r.Status })
            .Select(g => new { g.Key.SiteId, g.Key.ItemId, g.Key.Status, Milli = g.Sum(r => r.QuantityMilli) })
            .ToListAsync(cancellationToken);

        var balances = pagePairs.Select(p =>
        {
            var statuses = sums.Where(s => s.SiteId == p.SiteId && s.ItemId == p.ItemId).ToList();
            decimal Sum(Func<InventoryStatusDefinition, bool> which) =>
                statuses.Where(s => which(InventoryStatuses.Of(s.Status))).Sum(s => s.Milli) / 1000m;
            return new BalanceResponse(p.SiteCode, p.Sku, p.BaseUnit,
                OnHand: Sum(d => d.OnHand),
                Available: Sum(d => d.Status == InventoryStatus.Available),
                statuses.OrderBy(s => s.Status).ToDictionary(s => s.Status.Code(), s => s.Milli / 1000m, StringComparer.Ordinal));
        }).ToList();
        return TypedResults.Ok(new Page<BalanceResponse>(balances, paging.Number, paging.Size, total));
    }

    /// <summary>The ledger movements of one item at one site, newest first.</summary>
    private static async Task<Results<Ok<Page<MovementResponse>>, ValidationProblem, ProblemHttpResult>> Movements(
        OrderlyDbContext db, ClaimsPrincipal user, string? sku, string? site, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        PageRequest.Parse(page, pageSize, errors);
        if (string.IsNullOrWhiteSpace(site)) errors.Add("site", "A site code is required.");
        if (string.IsNullOrWhiteSpace(sku)) errors.Add("sku", "A SKU is required.");
        if (!errors.IsEmpty) return Problems.Validation(errors);
        var paging = PageRequest.Parse(page, pageSize, errors)!.Value;

        var references = new StockReferences(db, user, errors);
        await references.ResolveSiteAndItemAsync(site, sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Problems.SiteOutOfScope(outside);
        if (references is not { Site: { } found, Item: { } item })
            return Problems.NotFound(string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m)));

        var locationCodes = await db.Locations.AsNoTracking().Where(l => l.SiteId == found.Id)
            .ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
        var query = db.Movements.AsNoTracking().Where(m => m.SiteId == found.Id && m.ItemId == item.Id).OrderByDescending(m => m.Id);
        var result = await paging.ReadAsync(query, m => MovementResponse.Of(m, found.Code, item.Sku, item.BaseUnit, locationCodes), cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult>> Receive(
        ReceiptRequest request, OrderlyDbContext db, ClaimsPrincipal user, LedgerStore ledger, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, EventLog events, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var references = new StockReferences(db, user, errors);
        await references.ResolveSiteAndItemAsync(request.Site, request.Sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Problems.SiteOutOfScope(outside);
        var location = await references.LocationAsync("location", request.Location, cancellationToken);
        var status = references.Status("status", request.Status);
        var quantity = references.Quantity("quantity", request.Quantity, request.Unit);
        CheckReference(request.Reference, errors);
        if (!errors.IsEmpty) return Problems.Validation(errors);

        var bucket = new StockBucket(references.Site!.Id, location!.Value, references.Item!.Id, status!.Value);
        var movement = StockMovement.Receipt(bucket, quantity!.Value, request.Reference?.Trim());
        return await PostAsync(movement, references, db, ledger, audit, clock, reallocation, events, cancellationToken);
    }

    private static async Task<Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult>> Adjust(
        AdjustmentRequest request, OrderlyDbContext db, ClaimsPrincipal user, LedgerStore ledger, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, EventLog events, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var references = new StockReferences(db, user, errors);
        await references.ResolveSiteAndItemAsync(request.Site, request.Sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Problems.SiteOutOfScope(outside);
        var location = await references.LocationAsync("location", request.Location, cancellationToken, receives: request.Delta > 0);
        var status = references.Status("status", request.Status);
        if (!AdjustmentReasons.TryParse(request.Reason, out var reason, out var reasonError)) errors.Add("reason", reasonError);
        var quantity = request.Delta is null or 0
            ? null
            : references.Quantity("delta", Math.Abs(request.Delta.Value), request.Unit);
        if (request.Delta is null or 0) errors.Add("delta", "An adjustment changes stock: give a positive delta to add or a negative one to remove.");
        CheckReference(request.Reference, errors);
        if (!errors.IsEmpty) return Problems.Validation(errors);

        var bucket = new StockBucket(references.Site!.Id, location!.Value, references.Item!.Id, status!.Value);
        var movement = StockMovement.Adjustment(bucket, request.Delta > 0, quantity!.Value, reason, request.Reference?.Trim());
        return await PostAsync(movement, references, db, ledger, audit, clock, reallocation, events, cancellationToken);
    }

    private static async Task<Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult>> Move(
        MoveRequest request, OrderlyDbContext db, ClaimsPrincipal user, LedgerStore ledger, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, EventLog events, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var references = new StockReferences(db, user, errors);
        await references.ResolveSiteAndItemAsync(request.Site, request.Sku, cancellationToken);
        if (references.SiteOutOfScope is { } outside) return Problems.SiteOutOfScope(outside);
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
        if (!errors.IsEmpty) return Problems.Validation(errors);

        var site = references.Site!.Id;
        var item = references.Item!.Id;
        var movement = StockMovement.Move(
            new StockBucket(site, fromLocation!.Value, item, fromStatus!.Value),
            new StockBucket(site, toLocation!.Value, item, toStatus!.Value),
            quantity!.Value, request.Reference?.Trim());
        return await PostAsync(movement, references, db, ledger, audit, clock, reallocation, events, cancellationToken);
    }

    private static void CheckReference(string? reference, FieldErrors errors)
    {
        if (reference is { Length: > 100 }) errors.Add("reference", "A reference has at most 100 characters.");
    }

    private static async Task<Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        StockMovement movement, StockReferences references, OrderlyDbContext db, LedgerStore ledger, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, EventLog events, CancellationToken cancellationToken)
    {
        var site = references.Site!;
        var item = references.Item!;
        var locationCodes = await db.Locations.AsNoTracking().Where(l => l.SiteId == site.Id)
            .ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (!await ledger.TryPostAsync(movement, audit.Actor, clock.GetUtcNow(), cancellationToken))
        {
            var from = movement.From!.Value;
            var held = await ledger.BalanceAsync(from, cancellationToken);
            return Problems.Conflict("insufficient-stock",
                $"{site.Code}/{locationCodes[from.LocationId]} holds only {held} {item.BaseUnit} of {item.Sku} as '{from.Status.Code()}'; " +
                $"this needs {movement.Quantity} {item.BaseUnit}. Nothing was changed.");
        }
        var record = db.Movements.Local.Last();
        if (movement.To is { Status: InventoryStatus.Available })
            await reallocation.ReallocateAsync(item.Id, audit.Actor, cancellationToken);
        var response = MovementResponse.Of(record, site.Code, item.Sku, item.BaseUnit, locationCodes);
        audit.Record(response.Kind, "stock", $"{site.Code}/{item.Sku}", null, response, movement.ReasonCode ?? movement.Reference, site.Code);
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
        Telemetry.MovementsPosted.Add(1);
        return TypedResults.Created($"/api/inventory/movements?site={site.Code}&sku={item.Sku}", response);
    }
}
