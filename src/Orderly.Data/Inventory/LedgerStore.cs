using Microsoft.EntityFrameworkCore;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;

namespace Orderly.Data.Inventory;

/// <summary>
/// Posts movements to the stock ledger inside the caller's transaction. The source bucket is
/// decremented by a single conditional UPDATE (<c>... AND quantity_milli &gt;= @q</c>), which on
/// PostgreSQL re-checks the condition against a concurrent committed update and on SQLite runs
/// under the one writer lock: either way stock cannot be taken twice. The CHECK constraint on
/// the balance is the last line of defence.
/// </summary>
public sealed class LedgerStore(OrderlyDbContext db)
{
    /// <summary>
    /// Appends the movement and updates the balances it touches. Returns false, having changed
    /// nothing, when the source bucket holds less than the movement takes.
    /// </summary>
    public async Task<bool> TryPostAsync(StockMovement movement, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Ledger postings run inside a transaction, with the change that caused them.");

        var quantity = movement.Quantity.Milli;
        if (movement.From is { } from)
        {
            var status = from.Status.Code();
            var taken = await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE stock_balances SET quantity_milli = quantity_milli - {quantity}
                WHERE site_id = {from.SiteId} AND location_id = {from.LocationId} AND item_id = {from.ItemId}
                  AND status = {status} AND quantity_milli >= {quantity}
                """, cancellationToken);
            if (taken == 0) return false;
        }

        if (movement.To is { } to)
        {
            var status = to.Status.Code();
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO stock_balances (site_id, location_id, item_id, status, quantity_milli)
                VALUES ({to.SiteId}, {to.LocationId}, {to.ItemId}, {status}, {quantity})
                ON CONFLICT (site_id, location_id, item_id, status)
                DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli
                """, cancellationToken);
        }

        var bucket = movement.From ?? movement.To!.Value;
        db.Movements.Add(new MovementRecord
        {
            At = at,
            Kind = movement.Kind,
            SiteId = bucket.SiteId,
            ItemId = bucket.ItemId,
            Quantity = movement.Quantity,
            FromLocationId = movement.From?.LocationId,
            FromStatus = movement.From?.Status,
            ToLocationId = movement.To?.LocationId,
            ToStatus = movement.To?.Status,
            ReasonCode = movement.ReasonCode,
            Reference = movement.Reference,
            Actor = actor,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The balance of one bucket as stored (zero when it has never held stock).</summary>
    public async Task<Quantity> BalanceAsync(StockBucket bucket, CancellationToken cancellationToken) =>
        await db.Balances
            .Where(b => b.SiteId == bucket.SiteId && b.LocationId == bucket.LocationId && b.ItemId == bucket.ItemId && b.Status == bucket.Status)
            .Select(b => (long?)b.QuantityMilli)
            .SingleOrDefaultAsync(cancellationToken) is { } milli ? Quantity.FromMilli(milli) : Quantity.Zero;
}
