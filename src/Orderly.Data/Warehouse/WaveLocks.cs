using Microsoft.EntityFrameworkCore;
using Orderly.Data.Storage;

namespace Orderly.Data.Warehouse;

/// <summary>
/// One wave release at a time per site. Two at once read the same free allocations, and the second
/// met the one-task-per-allocation index with an error; with the lock it waits, then finds what the
/// first left (or nothing to release). SQLite's one writer already orders them.
/// </summary>
public static class WaveLocks
{
    /// <summary>The first key of PostgreSQL's two-key advisory lock a wave release holds; the second is the site's id.</summary>
    private const int WaveLockClass = 0x0_5A7E;

    /// <summary>Takes the site's lock until the caller's transaction ends.</summary>
    public static async Task LockSiteAsync(OrderlyDbContext db, long siteId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A wave's lock is held by the transaction that releases it.");
        if (db.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WaveLockClass}, {(int)siteId})", cancellationToken);
    }
}
