using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Events;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Core.Warehouse;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Events;
using Orderly.Security;
using Orderly.Application.Paging;
using Orderly.Application.Warehouse;

namespace Orderly.Warehouse;

/// <summary>Waves and pick tasks at a site.</summary>
public static class WaveEndpoints
{
        public static void MapWaveEndpoints(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/sites/{site}").WithTags("Warehouse");
        site.MapPost("/waves", Release).RequireAuthorization(Permissions.WavesRelease);
        site.MapGet("/pick-tasks", Tasks).RequireAuthorization(Permissions.Pick);
        app.MapGet("/api/pick-tasks/{id:long}", Task).WithTags("Warehouse").RequireAuthorization(Permissions.Pick);
    }

    private static async Task<Results<Created<WaveResponse>, ValidationProblem, ProblemHttpResult>> Release(
        string site, WaveRequest request, [FromServices] Actor actor, WaveRelease waves, CancellationToken cancellationToken)
    {
        var outcome = await waves.ReleaseAsync(site, request, actor, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/sites/{outcome.Value.Site}/pick-tasks?wave={outcome.Value.Id}", outcome.Value)
            : outcome.Refusal.ToResult<Created<WaveResponse>>();
    }

    private static async Task<Results<Ok<Page<PickTaskResponse>>, ValidationProblem, ProblemHttpResult>> Tasks(
        string site, string? status, long? wave, int? page, int? pageSize, [FromServices] Actor actor, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var (context, problem) = await SiteContext.FindAsync(site, actor, db, cancellationToken);
        if (context is null) return Problems.NotFound(problem!);
        var query = PickTaskViews.Query(db).Where(t => t.SiteId == context.Site.Id);
        if (wave is { } waveId) query = query.Where(t => t.Wave == waveId);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<PickTaskStatus>(status.Trim(), true, out var wanted) || int.TryParse(status, out _))
                return Problems.Validation("status", $"'{status}' is not a task status; use open, picked or short.");
            query = query.Where(t => t.Status == wanted);
        }
        return TypedResults.Ok(await paging.ReadAsync(query.OrderBy(t => t.Wave).ThenBy(t => t.Sequence), PickTaskViews.Response, cancellationToken));
    }

    private static async Task<Results<Ok<PickTaskResponse>, ProblemHttpResult>> Task(long id, [FromServices] Actor actor, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var task = await PickTaskViews.Query(db).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        // A task at a site outside the caller's scope answers exactly as one that does not exist.
        return task is null || !actor.Reaches(task.Site)
            ? Problems.NotFound($"There is no pick task {id} that you may see.")
            : TypedResults.Ok(PickTaskViews.Response(task));
    }
}
