using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
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
using Orderly.Application.Inventory;
using Orderly.Application.Outcomes;
using Orderly.Application.Paging;

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
        OrderlyDbContext db, [FromServices] Actor actor, string? sku, string? site, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        PageRequest.Parse(page, pageSize, errors);
        if (string.IsNullOrWhiteSpace(site)) errors.Add("site", "A site code is required.");
        if (string.IsNullOrWhiteSpace(sku)) errors.Add("sku", "A SKU is required.");
        if (!errors.IsEmpty) return Problems.Validation(errors);
        var paging = PageRequest.Parse(page, pageSize, errors)!.Value;

        var references = new StockReferences(db, actor, errors);
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
        ReceiptRequest request, [FromServices] Actor actor, StockPostings postings, CancellationToken cancellationToken) =>
        Created(await postings.ReceiveAsync(request, actor, cancellationToken));

    private static async Task<Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult>> Adjust(
        AdjustmentRequest request, [FromServices] Actor actor, StockPostings postings, CancellationToken cancellationToken) =>
        Created(await postings.AdjustAsync(request, actor, cancellationToken));

    private static async Task<Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult>> Move(
        MoveRequest request, [FromServices] Actor actor, StockPostings postings, CancellationToken cancellationToken) =>
        Created(await postings.MoveAsync(request, actor, cancellationToken));

    private static Results<Created<MovementResponse>, ValidationProblem, ProblemHttpResult> Created(Outcome<MovementResponse> outcome) =>
        outcome.Succeeded
            ? TypedResults.Created($"/api/inventory/movements?site={outcome.Value.Site}&sku={outcome.Value.Sku}", outcome.Value)
            : outcome.Refusal.ToResult<Created<MovementResponse>>();
}
