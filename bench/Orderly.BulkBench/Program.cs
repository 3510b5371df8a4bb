using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orderly.BulkBench;

// Bulk load: generates items, customers and opening balances (fixed seed), loads them with
// Orderly's own import commands (each its own process, against a fresh database seeded with the
// demo), then writes the same rows with the engine's bulk path (prepared batches on SQLite, binary
// COPY on PostgreSQL) into a copy of that database taken before the import, and compares rows/s.
// The last two lines of output are the result as JSON and as a Markdown table row, for scripts/bench-bulk.sh.
// Usage: bulkbench sqlite|postgres ORDERLY_DLL WORK_DIR [balances=1000000] [PG_SERVER_URL]
if (args.Length < 3 || args[0] is not ("sqlite" or "postgres") || (args[0] == "postgres" && args.Length < 5))
{
    Console.Error.WriteLine("usage: bulkbench sqlite|postgres ORDERLY_DLL WORK_DIR [balances] [PG_SERVER_URL (postgres)]");
    return 1;
}
var engine = args[0];
var orderly = Path.GetFullPath(args[1]);
var work = Path.GetFullPath(args[2]);
var balanceCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000_000;
Directory.CreateDirectory(work);

if (engine == "sqlite")
    foreach (var file in Directory.EnumerateFiles(work, "*.db*")) File.Delete(file);
var importDb = engine == "sqlite" ? Path.Combine(work, "import.db") : await Postgres.CreateAsync(args[4], "bulk_import");
var limitDb = "";
try
{
    Console.WriteLine($"{engine}: seeding the demo, then copying the database: one for the import, one for the limit");
    await Cli.RunAsync(orderly, "seed", "demo", "--password", "Bench-Password-2026!", "--db", importDb);
    limitDb = engine == "sqlite" ? Sqlite.Copy(importDb, Path.Combine(work, "limit.db")) : await Postgres.CopyAsync(args[4], importDb, "bulk_limit");

    BulkData data;
    await using (var connection = Connect(importDb))
    {
        await connection.OpenAsync();
        data = BulkData.Generate(balanceCount, await Bench.LocationsAsync(connection), await Bench.SiteCodesAsync(connection));
    }
    var files = Path.Combine(work, "files");
    data.WriteFiles(files);
    Console.WriteLine($"{engine}: generated {data.Items.Count} items, {data.Customers.Count} customers, {data.Balances.Length} balances over {data.Locations.Count} locations in {files}");

    var imported = new Dictionary<string, Cli.Imported>(StringComparer.Ordinal);
    foreach (var kind in new[] { "items", "customers", "stock" })
    {
        imported[kind] = await Cli.ImportAsync(orderly, kind, Path.Combine(files, kind + ".csv"), importDb);
        Console.WriteLine($"{engine}: orderly import {kind}: {imported[kind].Line} (process {imported[kind].ProcessSeconds:0.00} s)");
    }
    await using (var connection = Connect(importDb))
    {
        await connection.OpenAsync();
        Check(await Bench.LedgerAsync(connection), data, "import");
    }

    var limit = engine == "sqlite"
        ? await SqliteLimit.RunAsync($"Data Source={limitDb}", data, DateTimeOffset.UtcNow)
        : await PostgresLimit.RunAsync(limitDb, data, DateTimeOffset.UtcNow);
    await using (var connection = Connect(limitDb))
    {
        await connection.OpenAsync();
        Check(await Bench.LedgerAsync(connection), data, "limit");
    }

    object Figures(string kind, int rows, TimeSpan limitTime)
    {
        var import = imported[kind];
        var importRate = rows / import.Seconds;
        var limitRate = rows / limitTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine} {kind}: {rows} rows, import {importRate:0} rows/s ({import.Seconds:0.00} s; process {import.ProcessSeconds:0.00} s), limit {limitRate:0} rows/s ({limitTime.TotalSeconds:0.00} s), ratio {importRate / limitRate:0.00}"));
        return new
        {
            rows, importSeconds = Math.Round(import.Seconds, 3), importProcessSeconds = Math.Round(import.ProcessSeconds, 3),
            importRowsPerSecond = Math.Round(importRate), limitSeconds = Math.Round(limitTime.TotalSeconds, 3),
            limitRowsPerSecond = Math.Round(limitRate), ratio = Math.Round(importRate / limitRate, 3),
        };
    }
    var stock = Figures("stock", data.Balances.Length, limit.Stock);
    var items = Figures("items", data.Items.Count, limit.Items);
    var customers = Figures("customers", data.Customers.Count, limit.Customers);
    Console.WriteLine(JsonSerializer.Serialize(new { date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), engine, stock, items, customers }));
    string Rate(string kind, int rows, TimeSpan limitTime) => string.Create(CultureInfo.InvariantCulture, $"{rows / imported[kind].Seconds:N0} / {rows / limitTime.TotalSeconds:N0}");
    var s = imported["stock"];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {DateTime.UtcNow:yyyy-MM-dd} | {engine} | {data.Balances.Length:N0} | {data.Balances.Length / s.Seconds:N0} | {data.Balances.Length / limit.Stock.TotalSeconds:N0} | " +
        $"{data.Balances.Length / s.Seconds / (data.Balances.Length / limit.Stock.TotalSeconds):0.00} | {s.Seconds:0.00} ({s.ProcessSeconds:0.00}) | {limit.Stock.TotalSeconds:0.00} | " +
        $"{Rate("items", data.Items.Count, limit.Items)} | {Rate("customers", data.Customers.Count, limit.Customers)} |"));
    return 0;
}
finally
{
    if (engine == "postgres")
    {
        await Postgres.DropAsync(args[4], importDb);
        if (limitDb.Length > 0) await Postgres.DropAsync(args[4], limitDb);
    }
}

System.Data.Common.DbConnection Connect(string db) => engine == "sqlite" ? new SqliteConnection($"Data Source={db}") : new NpgsqlConnection(db);

void Check((long Movements, long MovementMilli, long Balances, long BalanceMilli) ledger, BulkData data, string what)
{
    var expected = (long)data.Balances.Length;
    if (ledger.Movements != expected || ledger.Balances != expected || ledger.MovementMilli != data.TotalMilli || ledger.BalanceMilli != data.TotalMilli)
        throw new InvalidOperationException($"{what}: the ledger disagrees with the file: {ledger} for {expected} balances of {data.TotalMilli} milli.");
}

/// <summary>Runs the orderly executable as its own process, as an administrator would.</summary>
internal static partial class Cli
{
    public sealed record Imported(string Line, double Seconds, double ProcessSeconds);

    [GeneratedRegex(@"^imported \d+ \w+ rows from \S+ in (?<seconds>[0-9.]+) s", RegexOptions.Multiline)]
    private static partial Regex Summary();

    public static async Task<Imported> ImportAsync(string orderly, string kind, string file, string db)
    {
        var watch = Stopwatch.StartNew();
        var output = await RunAsync(orderly, "import", kind, file, "--db", db);
        var processSeconds = watch.Elapsed.TotalSeconds;
        var match = Summary().Match(output);
        if (!match.Success) throw new InvalidOperationException($"orderly import {kind} printed no summary: {output}");
        return new Imported(match.Value.Trim(), double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture), processSeconds);
    }

    public static async Task<string> RunAsync(string orderly, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(orderly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"orderly {string.Join(' ', args.Take(2))} exited with {process.ExitCode}: {await error}{await output}");
        return await output;
    }
}

/// <summary>A copy of a SQLite database that no process has open (the seeding process has exited).</summary>
internal static class Sqlite
{
    public static string Copy(string from, string to)
    {
        foreach (var suffix in new[] { "", "-wal" })
            if (File.Exists(from + suffix)) File.Copy(from + suffix, to + suffix, overwrite: true);
        return to;
    }
}

/// <summary>Fresh databases on the PostgreSQL server the script started, dropped afterwards.</summary>
internal static class Postgres
{
    /// <summary>A second database with the same content, made from the first as a template.</summary>
    public static async Task<string> CopyAsync(string server, string template, string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}";
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {new NpgsqlConnectionStringBuilder(template).Database}");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task<string> CreateAsync(string server, string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}";
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
