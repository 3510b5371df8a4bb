using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Data.Audit;
using Orderly.Security;
using Orderly.Application.Access;
using Orderly.Application.Paging;

namespace Orderly.Audit;

public sealed record AuditResponse(
    long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityKey,
    string? Site, string? Before, string? After, string? Reason, string? CorrelationId)
{
    public static AuditResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.Actor, e.Action, e.EntityType, e.EntityKey, e.SiteCode, e.Before, e.After, e.Reason, e.CorrelationId);
}

/// <summary>The audit log, newest first, for those who hold <c>audit:read</c> (the Admin role).</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", List).WithTags("Audit").RequireAuthorization(Permissions.AuditRead);

    private static async Task<Results<Ok<Page<AuditResponse>>, ValidationProblem>> List(
        OrderlyDbContext db, ClaimsPrincipal user, string? entityType, string? entityKey, string? actor, string? site,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var query = db.Audit.AsNoTracking();
        var scope = user.SiteScope();
        if (!scope.AllSites)
        {
            var codes = scope.Codes.ToList();
            query = query.Where(a => a.SiteCode != null && codes.Contains(a.SiteCode));
        }
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType == entityType.Trim());
        if (!string.IsNullOrWhiteSpace(entityKey)) query = query.Where(a => a.EntityKey == entityKey.Trim());
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(a => a.Actor.StartsWith(actor.Trim()));
        if (!string.IsNullOrWhiteSpace(site)) query = query.Where(a => a.SiteCode == site.Trim().ToUpperInvariant());
        return TypedResults.Ok(await paging.ReadAsync(query.OrderByDescending(a => a.Id), AuditResponse.From, cancellationToken));
    }
}
