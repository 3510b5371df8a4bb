using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orderly.BulkBench;

/// <summary>
/// SQLite's bulk limit for the same rows: prepared INSERTs with their parameters rebound per row,
/// in batches of 10,000 rows inside one transaction, on the same kind of file (WAL, synchronous
/// FULL, foreign keys on, as Orderly opens it) and with the same 64 MiB page cache the import
/// takes for the stock. Nothing is validated or looked up: this is what the engine can do, not
/// what an import can.
/// </summary>
internal static class SqliteLimit
{
    private const int Batch = 10_000;

    public static async Task<Timings> RunAsync(string connectionString, BulkData data, DateTimeOffset at)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var locations = await Bench.LocationIdsAsync(connection, data);
        var sites = await Bench.SiteIdsAsync(connection);
        var timings = new Timings();

        var watch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = Prepare(connection, transaction, """
                INSERT INTO items (sku, gtin, description, base_unit, fractional_base_unit, conversions, weight_kg, active, sellable, replenishment_lead_time_days, substitutes)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 1, 1, $8, '[]')
                """, 8);
            foreach (var i in data.Items) Execute(insert, i.Sku, i.Gtin.PadLeft(14, '0'), i.Description, i.BaseUnit, i.Fractional, i.ConversionsJson, i.WeightKg, i.LeadTimeDays);
            transaction.Commit();
        }
        timings.Items = watch.Elapsed;
        var itemIds = await Bench.ItemIdsAsync(connection, data);

        watch.Restart();
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = Prepare(connection, transaction, """
                INSERT INTO customers (account_number, name, segment, home_site_id, ship_tos, blocked, credit_hold) VALUES ($1, $2, $3, $4, $5, 0, 0)
                """, 5);
            foreach (var c in data.Customers) Execute(insert, c.Account, c.Name, c.Segment, sites[c.HomeSite], c.ShipTosJson);
            transaction.Commit();
        }
        timings.Customers = watch.Elapsed;

        // The model's converter for DateTimeOffset on SQLite (see SqliteOrderlyDbContext).
        var timestamp = new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;
        watch.Restart();
        // The page cache Orderly's import gives a bulk load (SqliteImportStore.BulkPageCacheKib): the same for both.
        using (var cache = connection.CreateCommand())
        {
            cache.CommandText = "PRAGMA cache_size = -65536";
            cache.ExecuteNonQuery();
        }
        using (var transaction = connection.BeginTransaction())
        {
            using var movement = Prepare(connection, transaction, """
                INSERT INTO stock_movements (at, kind, site_id, item_id, quantity_milli, to_location_id, to_status, reason_code, reference, actor)
                VALUES ($1, 'Receipt', $2, $3, $4, $5, $6, 'opening-balance', 'import stock.csv #limit', 'bench')
                """, 6);
            using var balance = Prepare(connection, transaction, """
                INSERT INTO stock_balances (site_id, location_id, item_id, status, quantity_milli) VALUES ($1, $2, $3, $4, $5)
                """, 5);
            var (m, k) = (movement.Parameters, balance.Parameters);
            for (var start = 0; start < data.Balances.Length; start += Batch)
            {
                foreach (var b in data.Balances.AsSpan(start, Math.Min(Batch, data.Balances.Length - start)))
                {
                    var (siteId, locationId) = locations[b.Location];
                    var itemId = itemIds[b.Item];
                    // Bound one by one, not through a params array: the limit pays for nothing the engine does not need.
                    m[0].Value = timestamp;
                    m[1].Value = siteId;
                    m[2].Value = itemId;
                    m[3].Value = b.Milli;
                    m[4].Value = locationId;
                    m[5].Value = b.Status;
                    movement.ExecuteNonQuery();
                    k[0].Value = siteId;
                    k[1].Value = locationId;
                    k[2].Value = itemId;
                    k[3].Value = b.Status;
                    k[4].Value = b.Milli;
                    balance.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
        timings.Stock = watch.Elapsed;
        return timings;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter { ParameterName = $"${i}" });
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
