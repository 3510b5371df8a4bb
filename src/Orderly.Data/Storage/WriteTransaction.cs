using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orderly.Data.Storage;

/// <summary>
/// A write transaction. SQLite admits one writer at a time, and a writer that finds the file
/// locked sleeps and retries in 150 ms steps; so on SQLite writers of one process queue here, in
/// order and without sleeping, before they begin. On PostgreSQL this is a plain transaction: row
/// locks and conditional updates do the work there.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly IDbContextTransaction _transaction;
    private SemaphoreSlim? _gate;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate) => (_transaction, _gate) = (transaction, gate);

    public static async Task<WriteTransaction> BeginAsync(OrderlyDbContext db, CancellationToken cancellationToken)
    {
        SemaphoreSlim? gate = null;
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
        }
        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
