using Orderly.Data;
using Orderly.Data.Storage;

namespace Orderly.Import;

/// <summary>
/// Writes validated import rows through the engine's bulk path, inside the context's current
/// write transaction: prepared statements on SQLite, binary COPY on PostgreSQL. Items and
/// customers are upserted by their business key; each opening balance appends a movement and
/// adds to its bucket's balance, as every receipt does.
/// </summary>
public interface IImportStore
{
    Task WriteItemsAsync(IReadOnlyList<ItemRow> items, CancellationToken cancellationToken);

    Task WriteCustomersAsync(IReadOnlyList<CustomerRow> customers, CancellationToken cancellationToken);

    /// <summary>Posts the balances; <paramref name="progress"/> hears how many are written so far.</summary>
    Task WriteStockAsync(IReadOnlyList<OpeningBalance> balances, OpeningMovements movements, Action<int>? progress, CancellationToken cancellationToken);

    public static IImportStore For(OrderlyDbContext db) => db.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteImportStore(db),
        DatabaseProvider.Postgres => new PostgresImportStore(db),
    };
}
