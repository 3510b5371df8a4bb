using Orderly.Data.Storage;

namespace Orderly.Data.Events;

/// <summary>
/// On PostgreSQL, transactions that append events commit in the order of their ids: each takes one
/// transaction-scoped advisory lock just before it writes its events, so a reader paging by cursor
/// never sees a later id before an earlier one, and so never skips an event. SQLite has one writer
/// at a time and needs no lock.
/// </summary>
public static class EventLogOrder
{
    private const long AdvisoryLockKey = 0x0_0EDE_11_E7;

    /// <summary>Adds the lock to the unit of work's batch, after its other rows and before its events.</summary>
    public static void LockBeforeEvents(OrderlyDbContext db, InsertBatch inserts)
    {
        if (db.Provider == DatabaseProvider.Postgres) inserts.AddStatement($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})");
    }
}
