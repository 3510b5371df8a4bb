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

namespace Orderly.MasterData;

/// <summary>Locations inside a site, keyed by code within the site; scoped by the site.</summary>
public static class LocationEndpoints
{
    public static void MapLocationEndpoints(this IEndpointRouteBuilder app)
    {
        var locations = app.MapGroup("/api/sites/{site}/locations").WithTags("Locations");
        locations.MapGet("/", List).RequireAuthorization(Permissions.MasterDataRead);
        locations.MapGet("/{code}", Get).RequireAuthorization(Permissions.MasterDataRead);
        locations.MapPost("/", Create).RequireAuthorization(Permissions.MasterDataWrite);
        locations.MapPut("/{code}", Update).RequireAuthorization(Permissions.MasterDataWrite);
        locations.MapPost("/bulk", Bulk).RequireAuthorization(Permissions.MasterDataWrite);
    }

    private static async Task<Site?> FindSiteAsync(string site, ClaimsPrincipal user, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var key = site.Trim().ToUpperInvariant();
        return user.SiteScope().Includes(key) ? await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Code == key, cancellationToken) : null;
    }

    private static ProblemHttpResult NoSite(string site) => Problems.NotFound($"There is no site '{site.Trim().ToUpperInvariant()}' that you may see.");

    private static async Task<Results<Ok<Page<LocationResponse>>, ValidationProblem, ProblemHttpResult>> List(
        string site, OrderlyDbContext db, ClaimsPrincipal user, string? search, string? kind, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        if (await FindSiteAsync(site, user, db, cancellationToken) is not { } found) return NoSite(site);
        var query = db.Locations.AsNoTracking().Where(l => l.SiteId == found.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            query = query.Where(l => l.Code.StartsWith(upper));
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (new LocationRequest("X", kind, null, null, null).Parse(new FieldErrors()) is not (_, var details))
                return Problems.Validation("kind", $"'{kind}' is not a location kind; use bin, zone, staging or dock.");
            query = query.Where(l => l.Kind == details.Kind);
        }
        var ordered = query.OrderBy(l => l.PickSequence).ThenBy(l => l.Code);
        return TypedResults.Ok(await paging.ReadAsync(ordered, l => LocationResponse.From(found.Code, l), cancellationToken));
    }

    private static async Task<Results<Ok<LocationResponse>, ProblemHttpResult>> Get(
        string site, string code, OrderlyDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindSiteAsync(site, user, db, cancellationToken) is not { } found) return NoSite(site);
        var key = code.Trim().ToUpperInvariant();
        var location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.SiteId == found.Id && l.Code == key, cancellationToken);
        return location is null
            ? Problems.NotFound($"Site {found.Code} has no location '{key}'.")
            : TypedResults.Ok(LocationResponse.From(found.Code, location));
    }

    private static async Task<Results<Created<LocationResponse>, ValidationProblem, ProblemHttpResult>> Create(
        string site, LocationRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Parse(errors) is not (var code, var details)) return Problems.Validation(errors);
        if (await FindSiteAsync(site, user, db, cancellationToken) is not { } found) return NoSite(site);
        if (await db.Locations.AnyAsync(l => l.SiteId == found.Id && l.Code == code, cancellationToken))
            return Problems.Conflict("duplicate-key", $"Site {found.Code} already has a location '{code}'.");

        var location = new Location(found.Id, code, details);
        db.Locations.Add(location);
        var response = LocationResponse.From(found.Code, location);
        audit.Record(actor, "created", "location", $"{found.Code}/{code}", null, response, siteCode: found.Code);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/sites/{found.Code}/locations/{code}", response);
    }

    private static async Task<Results<Ok<LocationResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string site, string code, LocationRequest request, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        if (await FindSiteAsync(site, user, db, cancellationToken) is not { } found) return NoSite(site);
        var location = await db.Locations.SingleOrDefaultAsync(l => l.SiteId == found.Id && l.Code == key, cancellationToken);
        if (location is null) return Problems.NotFound($"Site {found.Code} has no location '{key}'.");
        var errors = new FieldErrors();
        if ((request with { Code = request.Code ?? key }).Parse(errors, location.Details) is not (var parsedCode, var details)) return Problems.Validation(errors);
        if (parsedCode != key) return Problems.Validation("code", $"The code in the body ('{parsedCode}') differs from the one in the address ('{key}'); location codes cannot be renamed.");

        var before = LocationResponse.From(found.Code, location);
        location.Update(details);
        var after = LocationResponse.From(found.Code, location);
        audit.Record(actor, "updated", "location", $"{found.Code}/{key}", before, after, siteCode: found.Code);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<Ok<BulkUpsertResult>, ValidationProblem, ProblemHttpResult>> Bulk(
        string site, LocationRequest?[] rows, OrderlyDbContext db, AuditTrail audit, [FromServices] Actor actor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindSiteAsync(site, user, db, cancellationToken) is not { } found) return NoSite(site);
        var upsert = new BulkUpsert<LocationRequest, Location, LocationDetails>("location")
        {
            RowKey = row => row.Key,
            DetailsOf = location => location.Details,
            ParseRow = (row, existing, errors) => row.Parse(errors, existing),
            LoadExisting = async (keys, ct) => await db.Locations.Where(l => l.SiteId == found.Id && keys.Contains(l.Code))
                .ToDictionaryAsync(l => l.Code, StringComparer.Ordinal, ct),
            Create = (code, details) => new Location(found.Id, code, details),
            Update = (location, details) => location.Update(details),
            Snapshot = location => LocationResponse.From(found.Code, location),
            SiteOf = (_, _) => found.Code,
            AuditKey = code => $"{found.Code}/{code}",
        };
        return await upsert.RunAsync(rows, db, audit, actor, cancellationToken);
    }
}
