using Orderly.Data;
using Orderly.Data.Audit;
using Orderly.Data.Storage;

namespace Orderly.Data.Import;

/// <summary>
/// Writes validated import rows through the engine's bulk path, inside the context's current
/// write transaction: prepared statements on SQLite, binary COPY on PostgreSQL. Items and
/// customers are upserted by their business key; each opening balance appends a movement and
/// adds to its bucket's balance, as every receipt does.
/// <para>
/// The reads an import makes before it writes go through here too, as plain commands. On a file of a
/// few thousand rows, the first EF query, change tracking and SaveChanges of a fresh process cost
/// more than writing the rows (docs/performance.md §3); imports need none of them.
/// </para>
/// </summary>
public interface IImportStore
{
    /// <summary>Which of <paramref name="keys"/> (upper-case business keys) are already stored.</summary>
    Task<HashSet<string>> StoredKeysAsync(ImportKey kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Appends one audit entry in the current write transaction.</summary>
    Task WriteAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts the items as they come, enumerating them once (they may still be being checked, and
    /// the enumeration throws to stop the write when one fails: <see cref="CheckedRows{TRow}"/>);
    /// <paramref name="noneStored"/> says none of their SKUs was stored when the import looked.
    /// </summary>
    Task WriteItemsAsync(IEnumerable<ItemRow> items, bool noneStored, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts the customers as they come, enumerating them once (they may still be being checked,
    /// and the enumeration throws to stop the write when one fails: <see cref="CheckedRows{TRow}"/>);
    /// <paramref name="noneStored"/> says none of their accounts was stored when the import looked.
    /// </summary>
    Task WriteCustomersAsync(IEnumerable<CustomerRow> customers, bool noneStored, CancellationToken cancellationToken);

    /// <summary>Posts the balances; <paramref name="progress"/> hears how many are written so far.</summary>
    Task WriteStockAsync(IReadOnlyList<OpeningBalance> balances, OpeningMovements movements, Action<int>? progress, CancellationToken cancellationToken);

    /// <summary>Every site's id by its code.</summary>
    public static async Task<Dictionary<string, long>> SiteIdsAsync(OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var sites = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = ImportCommand.Create(db, "SELECT code, id FROM sites");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) sites.Add(reader.GetString(0), reader.GetInt64(1));
        return sites;
    }

    /// <summary>The SKU of each stored GTIN (in its 14-digit stored form).</summary>
    public static async Task<Dictionary<string, string>> GtinOwnersAsync(OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = ImportCommand.Create(db, "SELECT gtin, sku FROM items WHERE gtin IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) owners.Add(reader.GetString(0), reader.GetString(1));
        return owners;
    }

    public static IImportStore For(OrderlyDbContext db) => db.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteImportStore(db),
        DatabaseProvider.Postgres => new PostgresImportStore(db),
    };
}

/// <summary>The business keys an import looks up: each names its table and column, so no SQL is built from input.</summary>
public enum ImportKey
{
    ItemSku,
    CustomerAccount,
}
