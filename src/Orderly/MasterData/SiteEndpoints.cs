using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.MasterData;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Security;
using System.Security.Claims;
using Orderly.Application.Audit;
using Orderly.Application.Paging;

namespace Orderly.MasterData;

/// <summary>
/// Sites, keyed by code. A caller sees only the sites in its scope; a site outside it answers
/// 404 exactly as a site that does not exist. Only callers with all sites may add sites.
/// </summary>
public static class SiteEndpoints
{
    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/sites").WithTags("Sites");
        sites.MapGet("/", List).RequireAuthorization(Permissions.MasterDataRead);
        sites.MapGet("/{code}", Get).RequireAuthorization(Permissions.MasterDataRead);
        sites.MapPost("/", Create).RequireAuthorization(Permissions.MasterDataWrite);
        sites.MapPut("/{code}", Update).RequireAuthorization(Permissions.MasterDataWrite);
        sites.MapPost("/bulk", Bulk).RequireAuthorization(Permissions.MasterDataWrite);
    }

    /// <summary>The sites the caller may see, as a query to build on.</summary>
    public static IQueryable<Site> InScope(this IQueryable<Site> sites, SiteScope scope)
    {
        if (scope.AllSites) return sites;
        var codes = scope.Codes.ToList();
        return sites.Where(s => codes.Contains(s.Code));
    }

    private static async Task<Results<Ok<Page<SiteResponse>>, ValidationProblem>> List(
        OrderlyDbContext db, ClaimsPrincipal user, string? search, string? region, string? kind, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var query = db.Sites.AsNoTracking().InScope(user.SiteScope());
        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            var lower = search.Trim().ToLowerInvariant();
            query = query.Where(s => s.Code.StartsWith(upper) || s.Name.ToLower().Contains(lower));
        }
        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim().ToLowerInvariant();
            query = query.Where(s => s.Region.ToLower() == wanted);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var parsedKind = kind.Trim().ToLowerInvariant() switch { "dc" => SiteKind.Dc, "branch" => SiteKind.Branch, _ => (SiteKind?)null };
            if (parsedKind is null) return Problems.Validation("kind", $"'{kind}' is not a site kind; use dc or branch.");
            query = query.Where(s => s.Kind == parsedKind);
        }
        return TypedResults.Ok(await paging.ReadAsync(query.OrderBy(s => s.Code), SiteResponse.From, cancellationToken));
    }

    private static async Task<Results<Ok<SiteResponse>, ProblemHttpResult>> Get(
        string code, OrderlyDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        var site = user.SiteScope().Includes(key)
            ? await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Code == key, cancellationToken)
            : null;
        return site is null ? Problems.NotFound($"There is no site '{key}' that you may see.") : TypedResults.Ok(SiteResponse.From(site));
    }

    private static async Task<Results<Created<SiteResponse>, ValidationProblem, ProblemHttpResult>> Create(
        SiteRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Parse(errors) is not (var code, var details)) return Problems.Validation(errors);
        if (!user.SiteScope().AllSites) return Problems.Forbidden("Only a user or token with all sites in scope may add a site.");
        if (await db.Sites.AnyAsync(s => s.Code == code, cancellationToken))
            return Problems.Conflict("duplicate-key", $"Site '{code}' already exists; update it with PUT /api/sites/{code}.");
        if (details.Gln is { } gln && await db.Sites.AnyAsync(s => s.Gln == gln, cancellationToken))
            return Problems.Conflict("duplicate-key", $"GLN {gln} already belongs to another site.");

        var site = new Site(code, details);
        db.Sites.Add(site);
        var response = SiteResponse.From(site);
        audit.Record(actor, "created", "site", code, null, response, siteCode: code);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/sites/{code}", response);
    }

    private static async Task<Results<Ok<SiteResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string code, SiteRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        var site = user.SiteScope().Includes(key) ? await db.Sites.SingleOrDefaultAsync(s => s.Code == key, cancellationToken) : null;
        if (site is null) return Problems.NotFound($"There is no site '{key}' that you may see.");
        var errors = new FieldErrors();
        if ((request with { Code = request.Code ?? key }).Parse(errors, site.Details) is not (var parsedCode, var details)) return Problems.Validation(errors);
        if (parsedCode != key) return Problems.Validation("code", $"The code in the body ('{parsedCode}') differs from the one in the address ('{key}'); site codes cannot be renamed.");
        if (details.Gln is { } gln && await db.Sites.AnyAsync(s => s.Gln == gln && s.Id != site.Id, cancellationToken))
            return Problems.Conflict("duplicate-key", $"GLN {gln} already belongs to another site.");

        var before = SiteResponse.From(site);
        site.Update(details);
        var after = SiteResponse.From(site);
        audit.Record(actor, "updated", "site", key, before, after, siteCode: key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<Ok<BulkUpsertResult>, ValidationProblem, ProblemHttpResult>> Bulk(
        SiteRequest?[] rows, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.SiteScope().AllSites) return Problems.Forbidden("Only a user or token with all sites in scope may bulk-load sites.");
        var upsert = new BulkUpsert<SiteRequest, Site, SiteDetails>("site")
        {
            RowKey = row => row.Key,
            DetailsOf = site => site.Details,
            ParseRow = (row, existing, errors) => row.Parse(errors, existing),
            LoadExisting = async (keys, ct) => await db.Sites.Where(s => keys.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct),
            Create = (code, details) => new Site(code, details),
            Update = (site, details) => site.Update(details),
            Snapshot = SiteResponse.From,
            SiteOf = (code, _) => code,
            UniqueValue = details => details.Gln is { } gln ? ("gln", gln.Value) : null,
        };
        return await upsert.RunAsync(rows, db, audit, actor, cancellationToken);
    }
}
