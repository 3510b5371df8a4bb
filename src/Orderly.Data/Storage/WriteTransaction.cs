using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orderly.Data.Storage;

/// <summary>
/// A write transaction. SQLite admits one writer at a time, and a writer that finds the file
/// locked sleeps and retries in 150 ms steps; so on SQLite writers of one process queue here, in
/// order and without sleeping, before they begin, and in a server they write through its one
/// kept-open connection (<see cref="SqliteWriter"/>). On PostgreSQL this is a plain transaction:
/// row locks and conditional updates do the work there.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly IDbContextTransaction _transaction;
    private SemaphoreSlim? _gate;
    private SqliteWriter.Loan? _loan;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate, SqliteWriter.Loan? loan) =>
        (_transaction, _gate, _loan) = (transaction, gate, loan);

    /// <summary>The queue of one SQLite database's writers in this process.</summary>
    internal static SemaphoreSlim GateFor(string connectionString) =>
        Gates.GetOrAdd(connectionString, static _ => new SemaphoreSlim(1, 1));

    public static async Task<WriteTransaction> BeginAsync(OrderlyDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
            return new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), null, null);

        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("A SQLite write needs the context's connection string, which names the database's queue.");
        var gate = GateFor(connectionString);
        // The context's own connection is set aside before queueing, so none of that happens while others wait.
        var loan = await SqliteWriter.PrepareLoanAsync(db, connectionString);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            if (loan is not null) await loan.RestoreAsync();
            throw;
        }
        var lent = false;
        try
        {
            lent = loan?.Begin() ?? false;
            if (loan is not null && !lent)
            {
                // The server is stopping and its writer is gone: write on the context's own connection.
                await loan.RestoreAsync();
                loan = null;
            }
            return new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), gate, loan);
        }
        catch
        {
            if (lent) loan!.End();
            gate.Release();
            if (loan is not null) await loan.RestoreAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        var loan = Interlocked.Exchange(ref _loan, null);
        var gate = Interlocked.Exchange(ref _gate, null);
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            // Whatever the rollback did: the writer's connection goes back, and the queue moves on. A
            // pooled context that kept the writer would hand it to a request that does not hold the gate.
            try
            {
                loan?.End();
            }
            finally
            {
                gate?.Release();
            }
        }
        if (loan is not null) await loan.RestoreAsync();
    }
}
