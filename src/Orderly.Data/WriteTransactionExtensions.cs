using Orderly.Data.Storage;

namespace Orderly.Data;

public static class WriteTransactionExtensions
{
    /// <summary>Begins a write transaction (queued in-process on SQLite; see <see cref="WriteTransaction"/>).</summary>
    public static Task<WriteTransaction> BeginWriteAsync(this OrderlyDbContext db, CancellationToken cancellationToken) =>
        WriteTransaction.BeginAsync(db, cancellationToken);
}
