using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Orderly.LargeDb.History;

/// <summary>What a generation run wrote, and how long it took.</summary>
internal sealed record GenerationResult(long Orders, long Lines, long Allocations, long Decisions, int AllocatedBuckets,
    double WriteSeconds, double VacuumSeconds, double TotalSeconds, IReadOnlyDictionary<string, long> OrdersByStatus);

/// <summary>
/// Fills a demo database with the history in one transaction (a failure leaves nothing behind),
/// moves the identity sequences past the new rows so the server numbers the next order after
/// them, then VACUUM ANALYZE (what autovacuum would have done to a year-old table) and checks
/// that the ledger still explains every balance and every line's allocations add up.
/// </summary>
internal static class Generator
{
    private const int BatchSize = 10_000;
    private static readonly string[] Tables = ["orders", "order_lines", "line_allocations", "order_decisions", "stock_movements"];

    public static async Task<GenerationResult> RunAsync(NpgsqlDataSource db, long count, int seed, DateTimeOffset end, TextWriter log, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var data = await MasterData.ReadAsync(db, cancellationToken);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var ids = await NextIdsAsync(connection, cancellationToken);
        var ledger = new StockLedger();
        var history = new OrderHistory(data, seed, count, end);
        var writer = new HistoryWriter(connection, ids, ledger, "cli:largedb");

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var indexes = await BulkLoad.PrepareAsync(connection, log, cancellationToken);
            var batch = new List<HistoricOrder>(BatchSize);
            var telling = new Stopwatch();
            for (long index = 0; index < count; index++)
            {
                telling.Start();
                batch.Add(history.Next(ids.Order++, index));
                telling.Stop();
                if (batch.Count < BatchSize && index < count - 1) continue;
                await writer.WriteAsync(batch, cancellationToken);
                batch.Clear();
                if (writer.Orders % 100_000 == 0 || writer.Orders == count)
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {writer.Orders:N0} orders, {writer.Lines:N0} lines in {total.Elapsed.TotalSeconds:0.0} s ({telling.Elapsed.TotalSeconds:0.0} s of it making them)"));
            }
            var indexing = Stopwatch.StartNew();
            await BulkLoad.RestoreAsync(connection, indexes, cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  indexes rebuilt in {indexing.Elapsed.TotalSeconds:0.0} s"));
            await ledger.ApplyAsync(connection, cancellationToken);
            foreach (var table in Tables)
                await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var written = total.Elapsed.TotalSeconds;

        var vacuum = Stopwatch.StartNew();
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}, stock_balances", cancellationToken);
        vacuum.Stop();

        await VerifyAsync(connection, cancellationToken);
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT status, count(*) FROM orders GROUP BY status ORDER BY count(*) DESC", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) byStatus[reader.GetString(0)] = reader.GetInt64(1);
        return new GenerationResult(writer.Orders, writer.Lines, writer.Allocations, writer.Decisions, ledger.Buckets,
            Math.Round(written, 1), Math.Round(vacuum.Elapsed.TotalSeconds, 1), Math.Round(total.Elapsed.TotalSeconds, 1), byStatus);
    }

    private static async Task<NextIds> NextIdsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        Task<long> Next(string table) => ScalarAsync(connection, $"SELECT coalesce(max(id), 0) + 1 FROM {table}", cancellationToken);
        return new NextIds
        {
            Order = await Next("orders"),
            Line = await Next("order_lines"),
            Allocation = await Next("line_allocations"),
            Decision = await Next("order_decisions"),
            Movement = await Next("stock_movements"),
        };
    }

    /// <summary>The two invariants a bulk load could break without the database noticing.</summary>
    private static async Task VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var unexplained = await ScalarAsync(connection,
            """
            WITH moved AS (
                SELECT site_id, to_location_id AS location_id, item_id, to_status AS status, quantity_milli AS milli FROM stock_movements WHERE to_status IS NOT NULL
                UNION ALL
                SELECT site_id, from_location_id, item_id, from_status, -quantity_milli FROM stock_movements WHERE from_status IS NOT NULL),
            ledger AS (SELECT site_id, location_id, item_id, status, sum(milli) AS milli FROM moved GROUP BY 1, 2, 3, 4)
            SELECT count(*) FROM ledger l FULL JOIN stock_balances b USING (site_id, location_id, item_id, status)
            WHERE coalesce(l.milli, 0) <> coalesce(b.quantity_milli, 0)
            """, cancellationToken);
        if (unexplained != 0) throw new InvalidOperationException($"{unexplained} stock balances are not the sum of their movements.");
        var mismatched = await ScalarAsync(connection,
            """
            SELECT count(*) FROM order_lines l
            LEFT JOIN (SELECT order_line_id, sum(quantity_milli) AS milli FROM line_allocations GROUP BY order_line_id) a ON a.order_line_id = l.id
            WHERE l.allocated_milli <> coalesce(a.milli, 0)
            """, cancellationToken);
        if (mismatched != 0) throw new InvalidOperationException($"{mismatched} order lines' allocations do not add up to what the line has allocated.");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 900 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
