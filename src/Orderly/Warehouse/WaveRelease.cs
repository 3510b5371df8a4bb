using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Events;
using Orderly.Core.Orders;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Data.Storage;
using Orderly.Events;

namespace Orderly.Warehouse;

/// <summary>Releasing waves of pick tasks at a site, for the API and the supervisor's page.</summary>
public sealed class WaveRelease(OrderlyDbContext db, EventLog events, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The first key of PostgreSQL's two-key advisory lock a wave release holds; the second is the site's id.</summary>
    private const int WaveLockClass = 0x0_5A7E;

    /// <summary>
    /// Turns allocated, unreleased stock of releasable orders (no holds) into pick tasks, rush
    /// orders first, then oldest first, up to the line limit; tasks are sequenced along the pick path.
    /// </summary>
    public async Task<(WaveResponse? Wave, Refusal? Refusal)> ReleaseAsync(string site, WaveRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var limit = request.MaxLines ?? 50;
        if (limit is < 1 or > WaveEndpoints.MaxWaveLines) return (null, Refusal.Invalid("maxLines", $"A wave has 1 to {WaveEndpoints.MaxWaveLines} lines."));
        var (context, problem) = await SiteContext.FindAsync(site, user, db, cancellationToken);
        if (context is null) return (null, Refusal.NotFound(problem!));

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var siteId = context.Site.Id;
        // One release at a time per site. Two at once read the same free allocations, and the second
        // met the one-task-per-allocation index with an error; now it waits, then finds what the
        // first left (or nothing to release). SQLite's one writer already orders them.
        if (db.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WaveLockClass}, {(int)siteId})", cancellationToken);
        var candidates = await (
            from o in db.Orders
            from l in o.Lines
            from a in l.Allocations
            join loc in db.Locations on a.LocationId equals loc.Id
            where a.SiteId == siteId && !a.Released && a.QuantityMilli > 0 && o.Holds == OrderHolds.None
                  && (request.RushOnly != true || o.Priority == OrderPriority.Rush)
                  && (request.ShipBy == null || o.RequestedDate == null || o.RequestedDate <= request.ShipBy)
            orderby o.Priority == OrderPriority.Rush ? 0 : 1, o.Id, l.LineNumber
            select new { Order = o.Id, a.Id, loc.PickSequence }).Take(limit).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return (null, Refusal.Conflict("nothing-to-release", $"Nothing at {context.Site.Code} is allocated and free of holds; no wave was released."));

        var wave = new Wave(siteId, limit, audit.Actor, clock.GetUtcNow());
        db.Waves.Add(wave);
        await db.SaveChangesAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var allocations = await db.LineAllocations.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var sequence = 0;
        foreach (var candidate in candidates.OrderBy(c => c.PickSequence).ThenBy(c => c.Id))
        {
            var allocation = allocations[candidate.Id];
            allocation.Release();
            db.PickTasks.Add(new PickTask(wave.Id, siteId, candidate.Order, allocation.Id, allocation.LocationId, allocation.ItemId, ++sequence, allocation.Quantity));
        }
        wave.Count(sequence);
        events.Append(EventTypes.WaveReleased, "wave", wave.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { tasks = sequence, orders = candidates.Select(c => c.Order).Distinct().Count() }, siteCode: context.Site.Code);
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var tasks = await WaveEndpoints.TaskViews(db).Where(t => t.Wave == wave.Id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        return (new WaveResponse(wave.Id, context.Site.Code, wave.ReleasedAt, wave.ReleasedBy, tasks.Select(WaveEndpoints.View).ToList()), null);
    }
}
