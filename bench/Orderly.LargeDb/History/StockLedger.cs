using Npgsql;
using NpgsqlTypes;

namespace Orderly.LargeDb.History;

/// <summary>
/// The stock the history's open orders set aside, per bucket. Applied once at the end: each
/// bucket's available balance goes down and its allocated balance up by the sum of the moves
/// written for it, so every balance is still the sum of its movements.
/// </summary>
internal sealed class StockLedger
{
    private readonly Dictionary<(long SiteId, long LocationId, long ItemId), long> _allocated = [];

    public void Allocate(long siteId, long locationId, long itemId, long milli) =>
        _allocated[(siteId, locationId, itemId)] = _allocated.GetValueOrDefault((siteId, locationId, itemId)) + milli;

    public int Buckets => _allocated.Count;

    public async Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await Execute(connection, "CREATE TEMP TABLE largedb_allocated (site_id bigint, location_id bigint, item_id bigint, quantity_milli bigint) ON COMMIT DROP", cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY largedb_allocated FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var ((siteId, locationId, itemId), milli) in _allocated)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(siteId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(locationId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(itemId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(milli, NpgsqlDbType.Bigint, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        var taken = await Execute(connection,
            """
            UPDATE stock_balances b SET quantity_milli = b.quantity_milli - a.quantity_milli FROM largedb_allocated a
            WHERE b.site_id = a.site_id AND b.location_id = a.location_id AND b.item_id = a.item_id AND b.status = 'available'
            """, cancellationToken);
        if (taken != _allocated.Count)
            throw new InvalidOperationException($"{_allocated.Count - taken} allocated buckets have no available balance to take from.");
        await Execute(connection,
            """
            INSERT INTO stock_balances (site_id, location_id, item_id, status, quantity_milli)
            SELECT site_id, location_id, item_id, 'allocated', quantity_milli FROM largedb_allocated
            ON CONFLICT (site_id, location_id, item_id, status) DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli
            """, cancellationToken);
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
