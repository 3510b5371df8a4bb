using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Data.Events;
using Orderly.Security;
using Orderly.Application.Paging;

namespace Orderly.Events;

public sealed record EventResponse(long Id, DateTimeOffset At, string Type, string? BizStep, string EntityType, string EntityKey,
    long? OrderId, string? Site, JsonElement Data)
{
    public static EventResponse From(EventRecord e) =>
        new(e.Id, e.At, e.Type, e.BizStep, e.EntityType, e.EntityKey, e.OrderId, e.SiteCode, JsonDocument.Parse(e.Data).RootElement.Clone());
}

/// <summary>One page of the event log and the cursor to ask for the next.</summary>
public sealed record EventPage(IReadOnlyList<EventResponse> Events, long Next);

/// <summary>
/// The event log for integrations: <c>GET /api/events?after=CURSOR&amp;limit=N</c> returns events in
/// order after the cursor; pass the returned <c>next</c> as the following <c>after</c>.
/// </summary>
public static class EventEndpoints
{
    public const int MaxLimit = 1000;

    public static void MapEventEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/events", Page).WithTags("Events").RequireAuthorization(Permissions.EventsRead);

    private static async Task<Results<Ok<EventPage>, ValidationProblem>> Page(
        OrderlyDbContext db, ClaimsPrincipal user, long? after, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (after is < 0) errors.Add("after", "The cursor is 0 or a 'next' value from an earlier page.");
        if (limit is < 1 or > MaxLimit) errors.Add("limit", $"The limit is between 1 and {MaxLimit}.");
        if (!errors.IsEmpty) return Problems.Validation(errors);

        var cursor = after ?? 0;
        var query = db.Events.AsNoTracking().Where(e => e.Id > cursor);
        var scope = user.SiteScope();
        if (!scope.AllSites)
        {
            var codes = scope.Codes.ToList();
            query = query.Where(e => e.SiteCode != null && codes.Contains(e.SiteCode));
        }
        var events = await query.OrderBy(e => e.Id).Take(limit ?? 100).ToListAsync(cancellationToken);
        return TypedResults.Ok(new EventPage(events.Select(EventResponse.From).ToList(), events.Count > 0 ? events[^1].Id : cursor));
    }
}
