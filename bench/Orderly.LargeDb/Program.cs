using System.Globalization;
using System.Text.Json;
using Npgsql;
using Orderly.LargeDb;
using Orderly.LargeDb.History;
using Orderly.LargeDb.Queries;

// The large-database benchmark, in two steps (scripts/bench-largedb.sh runs both):
//   generate --db PG [--orders 1000000] [--seed 20261126] [--result FILE]
//       fills a database seeded with the demo (`orderly seed demo`) with a year of orders
//   query --db PG --url URL --token TOKEN [--scoped-token TOKEN] [--requests 300] [--warmup 30] [--warmup-seconds 20] [--seed 20261126] [--generation FILE] [--out DIR] [--server-pid PID]
//       measures the order queries of a running `orderly serve` over HTTP, after warming every kind up for
//       that many rounds and seconds (and the server's CPU per request, given its pid);
//       writes largedb.json and largedb.md; --scoped-token adds searches by a user scoped to some sites
var options = Options.Parse(args.Skip(1));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
switch (args.FirstOrDefault())
{
    case "generate":
    {
        await using var db = NpgsqlDataSource.Create(options.Required("db"));
        var orders = options.Long("orders", 1_000_000);
        Console.WriteLine($"Generating {orders:N0} orders");
        var result = await Generator.RunAsync(db, orders, (int)options.Long("seed", 20261126), DateTimeOffset.UtcNow, Console.Out, cancel.Token);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Orders:N0} orders, {result.Lines:N0} lines, {result.Allocations:N0} open allocations and {result.Decisions:N0} decisions in {result.WriteSeconds:0.0} s; VACUUM ANALYZE {result.VacuumSeconds:0.0} s; {result.TotalSeconds:0.0} s in all"));
        Console.WriteLine("Orders by status: " + string.Join(", ", result.OrdersByStatus.Select(s => $"{s.Key} {s.Value:N0}")));
        if (options.Optional("result") is { } path) await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Report.Json), cancel.Token);
        return 0;
    }
    case "query":
    {
        await using var db = NpgsqlDataSource.Create(options.Required("db"));
        var generation = options.Optional("generation") is { } path
            ? JsonSerializer.Deserialize<GenerationResult>(await File.ReadAllTextAsync(path, cancel.Token), Report.Json)
            : null;
        var results = await QueryBench.RunAsync(db, new Uri(options.Required("url")), options.Required("token"), options.Optional("scoped-token"),
            (int)options.Long("requests", 300), (int)options.Long("warmup", 30), TimeSpan.FromSeconds(options.Long("warmup-seconds", 20)),
            (int)options.Long("seed", 20261126), options.Optional("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Console.Out, cancel.Token);
        await Report.WriteAsync(options.Optional("out") ?? "artifacts/bench", generation, results, Console.Out, cancel.Token);
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: Orderly.LargeDb generate --db PG [--orders N] [--seed S] [--result FILE]");
        Console.Error.WriteLine("       Orderly.LargeDb query --db PG --url URL --token TOKEN [--scoped-token TOKEN] [--requests N] [--warmup N] [--warmup-seconds S] [--generation FILE] [--out DIR] [--server-pid PID]");
        return 1;
}
