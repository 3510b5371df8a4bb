using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Definitions;
using Orderly.Core.MasterData;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Application.Audit;
using Orderly.Application.Paging;
using Orderly.Application.MasterData;

namespace Orderly.MasterData;

/// <summary>Items: the enterprise-wide catalogue, keyed by SKU. Items are not site-scoped.</summary>
public static class ItemEndpoints
{
    public static void MapItemEndpoints(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items").WithTags("Items");
        items.MapGet("/", List).RequireAuthorization(Permissions.MasterDataRead);
        items.MapGet("/{sku}", Get).RequireAuthorization(Permissions.MasterDataRead);
        items.MapPost("/", Create).RequireAuthorization(Permissions.MasterDataWrite);
        items.MapPut("/{sku}", Update).RequireAuthorization(Permissions.MasterDataWrite);
        items.MapPost("/bulk", Bulk).RequireAuthorization(Permissions.MasterDataWrite);
    }

    /// <summary>Lists items; <c>search</c> matches the start of the SKU, the GTIN, or any part of the description.</summary>
    private static async Task<Results<Ok<Page<ItemResponse>>, ValidationProblem>> List(
        OrderlyDbContext db, string? search, bool? active, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var query = db.Items.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            query = Gtin.TryParse(term, out var gtin, out _)
                ? query.Where(i => i.Gtin == gtin || i.Sku.StartsWith(upper))
                : query.Where(i => i.Sku.StartsWith(upper) || i.Description.ToLower().Contains(lower));
        }
        if (active is { } isActive) query = query.Where(i => i.Active == isActive);
        return TypedResults.Ok(await paging.ReadAsync(query.OrderBy(i => i.Sku), ItemResponse.From, cancellationToken));
    }

    private static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> Get(string sku, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var key = sku.Trim().ToUpperInvariant();
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Sku == key, cancellationToken);
        return item is null ? Problems.NotFound($"There is no item with SKU '{key}'.") : TypedResults.Ok(ItemResponse.From(item));
    }

    private static async Task<Results<Created<ItemResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ItemRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Parse(errors) is not (var sku, var details)) return Problems.Validation(errors);
        if (await db.Items.AnyAsync(i => i.Sku == sku.Value, cancellationToken))
            return Problems.Conflict("duplicate-key", $"An item with SKU '{sku}' already exists; update it with PUT /api/items/{sku}.");
        if (details.Gtin is { } gtin && await db.Items.AnyAsync(i => i.Gtin == gtin, cancellationToken))
            return Problems.Conflict("duplicate-key", $"GTIN {gtin} already belongs to another item.");

        var item = new Item(sku, details);
        db.Items.Add(item);
        var response = ItemResponse.From(item);
        audit.Record(actor, "created", "item", item.Sku, null, response);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/items/{item.Sku}", response);
    }

    private static async Task<Results<Ok<ItemResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string sku, ItemRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, CancellationToken cancellationToken)
    {
        var key = sku.Trim().ToUpperInvariant();
        var item = await db.Items.SingleOrDefaultAsync(i => i.Sku == key, cancellationToken);
        if (item is null) return Problems.NotFound($"There is no item with SKU '{key}'.");
        var errors = new FieldErrors();
        if ((request with { Sku = request.Sku ?? key }).Parse(errors, item.Details) is not (var parsedSku, var details)) return Problems.Validation(errors);
        if (parsedSku.Value != key) return Problems.Validation("sku", $"The SKU in the body ('{parsedSku}') differs from the one in the address ('{key}'); SKUs cannot be renamed.");
        if (details.Gtin is { } gtin && await db.Items.AnyAsync(i => i.Gtin == gtin && i.Id != item.Id, cancellationToken))
            return Problems.Conflict("duplicate-key", $"GTIN {gtin} already belongs to another item.");

        var before = ItemResponse.From(item);
        item.Update(details);
        var after = ItemResponse.From(item);
        audit.Record(actor, "updated", "item", key, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    /// <summary>Creates or updates up to 1,000 items by SKU in one transaction; any invalid row rejects the batch.</summary>
    private static Task<Results<Ok<BulkUpsertResult>, ValidationProblem, ProblemHttpResult>> Bulk(
        ItemRequest?[] rows, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, CancellationToken cancellationToken)
    {
        var upsert = new BulkUpsert<ItemRequest, Item, ItemDetails>("item")
        {
            RowKey = row => row.Key,
            DetailsOf = item => item.Details,
            ParseRow = (row, existing, errors) => row.Parse(errors, existing) is (var sku, var details) ? (sku.Value, details) : null,
            LoadExisting = async (keys, ct) => await db.Items.Where(i => keys.Contains(i.Sku)).ToDictionaryAsync(i => i.Sku, StringComparer.Ordinal, ct),
            Create = (key, details) => new Item(Sku.Parse(key), details),
            Update = (item, details) => item.Update(details),
            Snapshot = ItemResponse.From,
            UniqueValue = details => details.Gtin is { } gtin ? ("gtin", gtin.Gtin14) : null,
        };
        return upsert.RunAsync(rows, db, audit, actor, cancellationToken);
    }
}
