using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Allocation;
using Orderly.Application.Events;
using Orderly.Application.Orders;
using Orderly.Application.Outcomes;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Exceptions;
using Orderly.Core.Inventory;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Inventory;

namespace Orderly.Application.Warehouse;

/// <summary>
/// Confirming a pick, for the API and the picker's page: what was found moves from allocated in
/// its bin to picked at the staging lane; what was not is written off the ledger (reason
/// short-pick), raised as a pick-short exception for the supervisor, and allocated elsewhere or
/// backordered by policy.
/// </summary>
public sealed class PickConfirmation(OrderlyDbContext db, LedgerStore ledger, AllocationService allocation, OrderIntake intake,
    EventLog events, TimeProvider clock)
{
    public async Task<Outcome<PickTaskResponse>> ConfirmAsync(long id, decimal? quantity, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var task = await db.PickTasks.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        var site = task is null ? null : await db.Sites.AsNoTracking().SingleAsync(s => s.Id == task.SiteId, cancellationToken);
        if (task is null || !actor.Reaches(site!.Code)) return Refusal.NotFound($"There is no pick task {id} that you may see.");
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == task.ItemId, cancellationToken);

        Quantity picked;
        if (quantity is null) return Refusal.Invalid("quantity", "Say how many you picked (0 when the location was empty).");
        if (quantity == 0) picked = Quantity.Zero;
        else if (!item.TryToBase(quantity.Value, null, out picked, out var error)) return Refusal.Invalid("quantity", error);
        if (task.Refusal(picked) is { } refusal)
            return task.Status == Core.Warehouse.PickTaskStatus.Open ? Refusal.Invalid("quantity", refusal) : Refusal.Conflict("already-confirmed", refusal);

        var (context, problem) = await SiteContext.FindAsync(site!.Code, actor, db, cancellationToken);
        if (context is null) return Refusal.Conflict("no-staging", problem!);
        var order = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Allocations).SingleAsync(o => o.Id == task.OrderId, cancellationToken);
        var lineAllocation = order.Lines.SelectMany(l => l.Allocations).Single(a => a.Id == task.AllocationId);
        var line = order.Lines.Single(l => l.Allocations.Contains(lineAllocation));
        var now = clock.GetUtcNow();
        
        // The task is confirmed first: its status is a concurrency token, so of two racing
        // confirmations the second finds the task no longer open and nothing else happens.
        task.Confirm(picked, actor.Name, now);
        await db.SaveChangesAsync(cancellationToken);

        var bin = new StockBucket(task.SiteId, task.LocationId, task.ItemId, InventoryStatus.Allocated);
        if (!picked.IsZero && !await ledger.TryPostAsync(StockMovement.Move(bin, new StockBucket(task.SiteId, context.Staging.Id, task.ItemId, InventoryStatus.Picked), picked, order.Number), actor.Name, now, cancellationToken))
            throw new InvalidOperationException($"The ledger holds less allocated stock at the task's bin than task {id} asks for; the books disagree.");
        var missing = task.Quantity - picked;
        if (!missing.IsZero && !await ledger.TryPostAsync(StockMovement.Adjustment(bin, increase: false, missing, "short-pick", $"task {id}"), actor.Name, now, cancellationToken))
            throw new InvalidOperationException($"The ledger holds less allocated stock at the task's bin than task {id} asks for; the books disagree.");

        order.RecordPick(lineAllocation, picked);
        var taskKey = id.ToString(CultureInfo.InvariantCulture);
        events.Append(missing.IsZero ? EventTypes.TaskPicked : EventTypes.TaskShortPicked, "pick-task", taskKey,
            new { order = order.Number, line = line.LineNumber, sku = item.Sku, asked = task.Quantity.Value, picked = picked.Value }, order.Id, site.Code);
        if (!missing.IsZero)
        {
            var exception = new WorkException(WorkException.PickShort, task.SiteId, order.Id, $"task {id}", Roles.Supervisor,
                $"{missing} {item.BaseUnit} of {item.Sku} missing at {site.Code}; order {order.Number} line {line.LineNumber}.", now);
            db.Exceptions.Add(exception);
            events.Append(EventTypes.ExceptionRaised, "exception", WorkException.PickShort,
                new { type = WorkException.PickShort, task = id, missing = missing.Value, owner = Roles.Supervisor }, order.Id, site.Code);
            var customer = await db.Customers.AsNoTracking().Include(c => c.HomeSite).SingleAsync(c => c.Id == order.CustomerId, cancellationToken);
            await allocation.AllocateAsync(order, customer, customer.HomeSite!, intake.SiteToday(customer.HomeSite), actor.Name, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var view = await PickTaskViews.Query(db).SingleAsync(t => t.Id == id, cancellationToken);
        return PickTaskViews.Response(view);
    }
}
