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

namespace Orderly.Warehouse;

/// <summary>Waves and pick tasks at a site.</summary>
public static class WaveEndpoints
{
    public const int MaxWaveLines = 500;

    public static void MapWaveEndpoints(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/sites/{site}").WithTags("Warehouse");
        site.MapPost("/waves", Release).RequireAuthorization(Permissions.WavesRelease);
        site.MapGet("/pick-tasks", Tasks).RequireAuthorization(Permissions.Pick);
        app.MapGet("/api/pick-tasks/{id:long}", Task).WithTags("Warehouse").RequireAuthorization(Permissions.Pick);
    }

    private static async Task<Results<Created<WaveResponse>, ValidationProblem, ProblemHttpResult>> Release(
        string site, WaveRequest request, ClaimsPrincipal user, WaveRelease waves, CancellationToken cancellationToken)
    {
        var (wave, refusal) = await waves.ReleaseAsync(site, request, user, cancellationToken);
        return wave is not null
            ? TypedResults.Created($"/api/sites/{wave.Site}/pick-tasks?wave={wave.Id}", wave)
            : refusal!.ToResult<Created<WaveResponse>>();
    }

    private static async Task<Results<Ok<Page<PickTaskResponse>>, ValidationProblem, ProblemHttpResult>> Tasks(
        string site, string? status, long? wave, int? page, int? pageSize, ClaimsPrincipal user, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var (context, problem) = await SiteContext.FindAsync(site, user, db, cancellationToken);
        if (context is null) return Problems.NotFound(problem!);
        var query = TaskViews(db).Where(t => t.SiteId == context.Site.Id);
        if (wave is { } waveId) query = query.Where(t => t.Wave == waveId);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<PickTaskStatus>(status.Trim(), true, out var wanted) || int.TryParse(status, out _))
                return Problems.Validation("status", $"'{status}' is not a task status; use open, picked or short.");
            query = query.Where(t => t.Status == wanted);
        }
        return TypedResults.Ok(await paging.ReadAsync(query.OrderBy(t => t.Wave).ThenBy(t => t.Sequence), View, cancellationToken));
    }

    private static async Task<Results<Ok<PickTaskResponse>, ProblemHttpResult>> Task(long id, ClaimsPrincipal user, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var task = await TaskViews(db).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        // A task at a site outside the caller's scope answers exactly as one that does not exist.
        return task is null || !user.SiteScope().Includes(task.Site)
            ? Problems.NotFound($"There is no pick task {id} that you may see.")
            : TypedResults.Ok(View(task));
    }

    internal sealed class TaskView
    {
        public long Id { get; init; }
        public long Wave { get; init; }
        public long SiteId { get; init; }
        public string Site { get; init; } = "";
        public string Order { get; init; } = "";
        public int Line { get; init; }
        public string Location { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Description { get; init; } = "";
        public long QuantityMilli { get; init; }
        public long PickedMilli { get; init; }
        public string BaseUnit { get; init; } = "";
        public PickTaskStatus Status { get; init; }
        public int Sequence { get; init; }
    }

    internal static IQueryable<TaskView> TaskViews(OrderlyDbContext db) =>
        from t in db.PickTasks.AsNoTracking()
        join s in db.Sites on t.SiteId equals s.Id
        join o in db.Orders on t.OrderId equals o.Id
        join a in db.LineAllocations on t.AllocationId equals a.Id
        join l in db.OrderLines on a.OrderLineId equals l.Id
        join loc in db.Locations on t.LocationId equals loc.Id
        join i in db.Items on t.ItemId equals i.Id
        select new TaskView
        {
            Id = t.Id, Wave = t.WaveId, SiteId = t.SiteId, Site = s.Code, Order = o.Number, Line = l.LineNumber, Location = loc.Code,
            Sku = i.Sku, Description = i.Description, QuantityMilli = t.QuantityMilli, PickedMilli = t.PickedMilli, BaseUnit = i.BaseUnit,
            Status = t.Status, Sequence = t.Sequence,
        };

    internal static PickTaskResponse View(TaskView t) => new(t.Id, t.Wave, t.Site, t.Order, t.Line, t.Location, t.Sku, t.Description,
        t.QuantityMilli / 1000m, t.PickedMilli / 1000m, t.BaseUnit, t.Status.ToString().ToLowerInvariant(), t.Sequence);
}
