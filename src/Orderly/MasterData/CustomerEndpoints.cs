using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.MasterData;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Security;
using Orderly.Application.Audit;
using Orderly.Application.Paging;
using Orderly.Application.MasterData;

namespace Orderly.MasterData;

/// <summary>Customers, keyed by account number. A caller sees the customers whose home site is in its scope.</summary>
public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", List).RequireAuthorization(Permissions.MasterDataRead);
        customers.MapGet("/{account}", Get).RequireAuthorization(Permissions.MasterDataRead);
        customers.MapPost("/", Create).RequireAuthorization(Permissions.MasterDataWrite);
        customers.MapPut("/{account}", Update).RequireAuthorization(Permissions.MasterDataWrite);
        customers.MapPost("/bulk", Bulk).RequireAuthorization(Permissions.MasterDataWrite);
    }

    /// <summary>A customer with its home site's code. A class with setters, so EF can compose queries over it.</summary>
    private sealed class Row
    {
        public required Customer Customer { get; init; }
        public required string HomeSite { get; init; }
    }

    private static IQueryable<Row> Visible(OrderlyDbContext db, ClaimsPrincipal user) =>
        db.Customers.AsNoTracking()
            .Join(db.Sites.InScope(user.SiteScope()), c => c.HomeSiteId, s => s.Id, (c, s) => new Row { Customer = c, HomeSite = s.Code });

    /// <summary>Site codes to ids, for the sites the caller may use.</summary>
    private static Task<Dictionary<string, long>> SiteIdsAsync(OrderlyDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.Sites.AsNoTracking().InScope(user.SiteScope()).ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);

    private static async Task<Results<Ok<Page<CustomerResponse>>, ValidationProblem>> List(
        OrderlyDbContext db, ClaimsPrincipal user, string? search, string? homeSite, string? segment, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var query = Visible(db, user);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            var lower = search.Trim().ToLowerInvariant();
            query = query.Where(r => r.Customer.AccountNumber.StartsWith(upper) || r.Customer.Name.ToLower().Contains(lower));
        }
        if (!string.IsNullOrWhiteSpace(homeSite))
        {
            var site = homeSite.Trim().ToUpperInvariant();
            query = query.Where(r => r.HomeSite == site);
        }
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var wanted = segment.Trim().ToLowerInvariant();
            query = query.Where(r => r.Customer.Segment == wanted);
        }
        var ordered = query.OrderBy(r => r.Customer.AccountNumber);
        return TypedResults.Ok(await paging.ReadAsync(ordered, r => CustomerResponse.From(r.Customer, r.HomeSite), cancellationToken));
    }

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(
        string account, OrderlyDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = account.Trim().ToUpperInvariant();
        var row = await Visible(db, user).SingleOrDefaultAsync(r => r.Customer.AccountNumber == key, cancellationToken);
        return row is null ? Problems.NotFound($"There is no customer '{key}' that you may see.") : TypedResults.Ok(CustomerResponse.From(row.Customer, row.HomeSite));
    }

    private static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CustomerRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var siteIds = await SiteIdsAsync(db, user, cancellationToken);
        if (request.Parse(errors, siteIds) is not (var account, var details)) return Problems.Validation(errors);
        // One answer whether or not the existing customer is in the caller's scope: it learns nothing more.
        if (await db.Customers.AnyAsync(c => c.AccountNumber == account, cancellationToken))
            return Problems.Conflict("duplicate-key", $"Account number '{account}' is already taken; choose another, or update the customer if it is yours.");

        var customer = new Customer(account, details);
        db.Customers.Add(customer);
        var homeSite = request.HomeSite!.Trim().ToUpperInvariant();
        var response = CustomerResponse.From(customer, homeSite);
        audit.Record(actor, "created", "customer", account, null, response, siteCode: homeSite);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/customers/{account}", response);
    }

    private static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string account, CustomerRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = account.Trim().ToUpperInvariant();
        var existing = await Visible(db, user).SingleOrDefaultAsync(r => r.Customer.AccountNumber == key, cancellationToken);
        if (existing is null) return Problems.NotFound($"There is no customer '{key}' that you may see.");
        var customer = await db.Customers.SingleAsync(c => c.AccountNumber == key, cancellationToken);
        var errors = new FieldErrors();
        var siteIds = await SiteIdsAsync(db, user, cancellationToken);
        if ((request with { AccountNumber = request.AccountNumber ?? key }).Parse(errors, siteIds, customer.Details, existing.HomeSite) is not (var parsed, var details))
            return Problems.Validation(errors);
        if (parsed != key) return Problems.Validation("accountNumber", $"The account number in the body ('{parsed}') differs from the one in the address ('{key}'); account numbers cannot be renamed.");
        var before = CustomerResponse.From(customer, existing.HomeSite);
        customer.Update(details);
        var homeSite = siteIds.Single(s => s.Value == details.HomeSiteId).Key;
        var after = CustomerResponse.From(customer, homeSite);
        audit.Record(actor, "updated", "customer", key, before, after, siteCode: homeSite);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<Ok<BulkUpsertResult>, ValidationProblem, ProblemHttpResult>> Bulk(
        CustomerRequest?[] rows, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var siteIds = await SiteIdsAsync(db, user, cancellationToken);
        var siteCodes = siteIds.ToDictionary(s => s.Value, s => s.Key);
        var inScope = siteIds.Values.ToList();
        var upsert = new BulkUpsert<CustomerRequest, Customer, CustomerDetails>("customer")
        {
            RowKey = row => row.Key,
            DetailsOf = customer => customer.Details,
            ParseRow = (row, existing, errors) => row.Parse(errors, siteIds, existing, existing is null ? null : siteCodes[existing.HomeSiteId]),
            // Only customers homed in the caller's scope are found; an account taken elsewhere meets the
            // unique index and the whole batch is refused with a neutral 409 that names no site.
            LoadExisting = async (keys, ct) => await db.Customers.Where(c => keys.Contains(c.AccountNumber) && inScope.Contains(c.HomeSiteId))
                .ToDictionaryAsync(c => c.AccountNumber, StringComparer.Ordinal, ct),
            Create = (account, details) => new Customer(account, details),
            Update = (customer, details) => customer.Update(details),
            Snapshot = customer => CustomerResponse.From(customer, siteCodes[customer.HomeSiteId]),
            SiteOf = (_, details) => siteCodes[details.HomeSiteId],
        };
        return await upsert.RunAsync(rows, db, audit, actor, cancellationToken);
    }
}
