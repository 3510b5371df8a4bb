using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Events;
using Orderly.Application.Outcomes;
using Orderly.Core.Events;
using Orderly.Core.Orders;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Data.Warehouse;

namespace Orderly.Application.Warehouse;

/// <summary>Releasing waves of pick tasks at a site, for the API and the supervisor's page.</summary>
public sealed class WaveRelease(OrderlyDbContext db, EventLog events, TimeProvider clock)
{
    public const int MaxWaveLines = 500;

    /// <summary>
    /// Turns allocated, unreleased stock of releasable orders (no holds) into pick tasks, rush
    /// orders first, then oldest first, up to the line limit; tasks are sequenced along the pick path.
    /// </summary>
    public async Task<Outcome<WaveResponse>> ReleaseAsync(string site, WaveRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var limit = request.MaxLines ?? 50;
        if (limit is < 1 or > MaxWaveLines) return Refusal.Invalid("maxLines", $"A wave has 1 to {MaxWaveLines} lines.");
        var (context, problem) = await SiteContext.FindAsync(site, actor, db, cancellationToken);
        if (context is null) return Refusal.NotFound(problem!);

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var siteId = context.Site.Id;
        await WaveLocks.LockSiteAsync(db, siteId, cancellationToken);
        var candidates = await (
            from o in db.Orders.Where(Order.ReleasableRule)
            from l in o.Lines
            from a in l.Allocations
            join loc in db.Locations on a.LocationId equals loc.Id
            where a.SiteId == siteId && !a.Released && a.QuantityMilli > 0
                  && (request.RushOnly != true || o.Priority == OrderPriority.Rush)
                  && (request.ShipBy == null || o.RequestedDate == null || o.RequestedDate <= request.ShipBy)
            orderby o.Priority == OrderPriority.Rush ? 0 : 1, o.Id, l.LineNumber
            select new { Order = o.Id, a.Id, loc.PickSequence }).Take(limit).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return Refusal.Conflict("nothing-to-release", $"Nothing at {context.Site.Code} is allocated and free of holds; no wave was released.");

        var wave = new Wave(siteId, limit, actor.Name, clock.GetUtcNow());
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

        var tasks = await PickTaskViews.Query(db).Where(t => t.Wave == wave.Id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        return new WaveResponse(wave.Id, context.Site.Code, wave.ReleasedAt, wave.ReleasedBy, tasks.Select(PickTaskViews.Response).ToList());
    }
}
