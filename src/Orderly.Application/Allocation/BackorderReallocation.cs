using Microsoft.EntityFrameworkCore;
using Orderly.Core.Events;
using Orderly.Core.Orders;
using Orderly.Data;
using Orderly.Application.Events;
using Orderly.Application.Orders;

namespace Orderly.Application.Allocation;

/// <summary>
/// When stock becomes available (a receipt, a release from quarantine, a cancelled order), the
/// orders waiting for that item are allocated again, rush before standard and then first come,
/// first served, inside the same transaction as the change that freed the stock.
/// </summary>
public sealed class BackorderReallocation(OrderlyDbContext db, AllocationService allocation, OrderIntake intake, EventLog events)
{
    /// <summary>At most this many waiting orders per change; the rest wait for the next change.</summary>
    public const int MaxOrders = 200;

    public async Task<int> ReallocateAsync(long itemId, string actor, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Allocations)
            .Where(o => o.Status != OrderStatus.Cancelled && o.Lines.Any(l => l.ItemId == itemId && l.BackorderedMilli > 0))
            .OrderBy(o => o.Priority == OrderPriority.Rush ? 0 : 1).ThenBy(o => o.Id)
            .Take(MaxOrders)
            .ToListAsync(cancellationToken);
        var allocated = 0;
        foreach (var order in orders)
        {
            var customer = await db.Customers.AsNoTracking().Include(c => c.HomeSite).SingleAsync(c => c.Id == order.CustomerId, cancellationToken);
            var wasIncomplete = order.Holds.HasFlag(OrderHolds.Incomplete);
            var before = order.Lines.Sum(l => l.BackorderedMilli);
            await allocation.AllocateAsync(order, customer, customer.HomeSite!, intake.SiteToday(customer.HomeSite), actor, cancellationToken, firstPass: false);
            if (order.Lines.Sum(l => l.BackorderedMilli) < before) allocated++;
            if (wasIncomplete && !order.Holds.HasFlag(OrderHolds.Incomplete))
                events.Append(EventTypes.OrderHoldReleased, "order", order.Number, new { hold = "incomplete" }, order.Id, customer.HomeSite!.Code);
        }
        await db.SaveChangesAsync(cancellationToken);
        return allocated;
    }
}
