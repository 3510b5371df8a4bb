using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orderly.StorageLimit;

// The storage limit for capture and allocation: writes the rows Orderly writes per 5-line order
// (see OrderWriter) into a database seeded with the demo distributor (`orderly seed demo`), with
// C concurrent connections, and prints throughput and latency the way bench/Orderly.LoadGen does,
// so scripts/bench.sh can set Orderly's orders/s against it. On SQLite the writers queue in the
// process for the one write lock, as Orderly's do, instead of sleeping in SQLite's busy handler.
// Usage: storage-limit sqlite|postgres CONNECTION [orders=2000] [clients=4] [lines=5]
if (args.Length < 2 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: storage-limit sqlite|postgres CONNECTION [orders] [clients] [lines]");
    return 1;
}
var engine = args[0];
var connectionString = engine == "sqlite" && !args[1].Contains('=', StringComparison.Ordinal) ? $"Data Source={args[1]}" : args[1];
var orders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
var lines = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;

await using (var setup = engine == "postgres" ? (DbConnection)new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString))
{
    await setup.OpenAsync();
    var buckets = await ReadAsync(setup, """
        SELECT b.site_id, b.location_id, b.item_id, i.sku FROM stock_balances b JOIN items i ON i.id = b.item_id
        WHERE b.status = 'available' AND b.quantity_milli >= 1000000 ORDER BY b.site_id, b.location_id, b.item_id
        """, r => new Bucket(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3)));
    var customers = await ReadAsync(setup, "SELECT id, account_number, home_site_id FROM customers WHERE NOT blocked ORDER BY id",
        r => new Customer(r.GetInt64(0), r.GetString(1), r.GetInt64(2)));
    var durability = engine == "sqlite"
        ? $"synchronous={(await ReadAsync(setup, "PRAGMA synchronous", r => r.GetInt64(0)))[0]} (2 = FULL: the WAL is synced at every commit), journal_mode={(await ReadAsync(setup, "PRAGMA journal_mode", r => r.GetString(0)))[0]}"
        : $"synchronous_commit={(await ReadAsync(setup, "SHOW synchronous_commit", r => r.GetString(0)))[0]}, fsync={(await ReadAsync(setup, "SHOW fsync", r => r.GetString(0)))[0]}";
    Console.WriteLine($"storage limit, {engine}: {durability}");
    if (buckets.Count < lines || customers.Count == 0)
    {
        Console.Error.WriteLine("storage-limit: the database has no demo stock or customers; run `orderly seed demo --db ...` first");
        return 2;
    }

    // The same shape of work as the load generator's: random customers, distinct buckets per order, 1 to 3 units a line.
    var random = new Random(20261126);
    var run = Guid.NewGuid().ToString("N")[..8];
    var work = Enumerable.Range(0, orders).Select(i => (
        Ref: $"LIMIT-{run}-{i}",
        Customer: customers[random.Next(customers.Count)],
        // Taken in one global order (site, location, item), as Orderly takes them, so writers never deadlock.
        Lines: (IReadOnlyList<(Bucket, int)>)[.. random.GetItems(buckets.ToArray(), lines).DistinctBy(b => (b.SiteId, b.LocationId, b.ItemId))
            .OrderBy(b => b.SiteId).ThenBy(b => b.LocationId).ThenBy(b => b.ItemId).Select(b => (b, 1 + random.Next(3)))])).ToArray();

    var sqliteWriter = engine == "sqlite" ? new SemaphoreSlim(1, 1) : null;
    var latencies = new double[orders];
    var failures = 0;
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        await using var writer = await OrderWriter.OpenAsync(engine, connectionString);
        int index;
        while ((index = Interlocked.Increment(ref next)) < orders)
        {
            var started = Stopwatch.GetTimestamp();
            if (sqliteWriter is not null) await sqliteWriter.WaitAsync();
            try
            {
                if (!await writer.WriteAsync(work[index].Ref, work[index].Customer, work[index].Lines, DateTimeOffset.UtcNow))
                    Interlocked.Increment(ref failures);
            }
            finally
            {
                sqliteWriter?.Release();
            }
            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    })));
    watch.Stop();

    Array.Sort(latencies);
    double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"storage limit, {engine}: {orders} orders x {lines} lines, {clients} clients: {orders / seconds:0} orders/s, {orders * lines / seconds:0} lines/s, " +
        $"p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, {failures} failed, {seconds:0.0} s"));
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        orders, lines, clients, batch = 0, seconds = Math.Round(seconds, 3),
        ordersPerSecond = Math.Round(orders / seconds, 1), linesPerSecond = Math.Round(orders * lines / seconds, 1),
        p50Ms = Math.Round(Percentile(0.50), 2), p95Ms = Math.Round(Percentile(0.95), 2), p99Ms = Math.Round(Percentile(0.99), 2), failures,
    }));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{clients}\t-\t{orders / seconds:0.0}\t{orders * lines / seconds:0.0}\t{Percentile(0.50):0.0}\t{Percentile(0.95):0.0}\t{Percentile(0.99):0.0}\t{failures}"));
    return failures == 0 ? 0 : 2;
}

static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await using var reader = await command.ExecuteReaderAsync();
    var rows = new List<T>();
    while (await reader.ReadAsync()) rows.Add(read(reader));
    return rows;
}
