using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;

namespace Orderly.LargeDb.Queries;

/// <summary>The latencies of one kind of request, in milliseconds, as the client saw them.</summary>
internal sealed record QueryResult(string Kind, string Example, int Requests, double P50Ms, double P95Ms, double P99Ms, double MaxMs, int Failures,
    double? ServerCpuMsPerRequest);

/// <summary>
/// Measures the order queries of a running server one request at a time (latency, not
/// throughput): a warm-up of every kind in turns, then each kind's measured requests, each with a parameter
/// drawn from a seeded <see cref="Random"/> out of what the database holds (the largest and the
/// smallest accounts, every status, references and ids spread over the whole history).
/// </summary>
internal static class QueryBench
{
    private static readonly string[] Statuses = ["held", "backordered", "partially-allocated", "allocated", "in-progress", "shipped", "cancelled"];

    /// <summary>
    /// <paramref name="scopedToken"/>, when given, belongs to a user scoped to some sites (the demo's
    /// branch supervisor): the search kinds marked scoped run with it, and see only the orders of those sites.
    /// </summary>
    public static async Task<IReadOnlyList<QueryResult>> RunAsync(NpgsqlDataSource db, Uri url, string token, string? scopedToken, int requests, int warmup,
        TimeSpan warmupTime, int seed, int? serverPid, TextWriter log, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var sample = await Sample.ReadAsync(db, random, cancellationToken);
        string Any(IReadOnlyList<string> values) => Uri.EscapeDataString(values[random.Next(values.Count)]);
        var statusTurn = 0;
        string NextStatus() => Statuses.Where(s => s != "shipped").ElementAt(statusTurn++ % (Statuses.Length - 1));

        var kinds = new List<(string Kind, Func<string> Path, bool Scoped)>
        {
            ("newest first, page 1", () => "/api/orders", false),
            ("newest first, page 100", () => "/api/orders?page=100", false),
            ("by customer, largest accounts", () => $"/api/orders?customer={Any(sample.LargeAccounts)}", false),
            ("by customer, largest accounts, page 20", () => $"/api/orders?customer={Any(sample.LargeAccounts)}&page=20", false),
            ("by customer, smallest accounts", () => $"/api/orders?customer={Any(sample.SmallAccounts)}", false),
            ("by status shipped", () => "/api/orders?status=shipped", false),
            ("by status, each other status in turn", () => $"/api/orders?status={NextStatus()}", false),
            ("by external reference", () => $"/api/orders?externalRef={Any(sample.ExternalRefs)}", false),
            ("by number", () => $"/api/orders?number={Any(sample.Numbers)}", false),
            ("detail, GET /api/orders/{id}", () => $"/api/orders/{Any(sample.Ids)}", false),
            ("decisions, GET /api/orders/{id}/decisions", () => $"/api/orders/{Any(sample.Ids)}/decisions", false),
        };
        if (scopedToken is not null)
        {
            kinds.Add(("branch supervisor: newest first, page 1", () => "/api/orders", true));
            kinds.Add(("branch supervisor: by status shipped", () => "/api/orders?status=shipped", true));
            kinds.Add(("branch supervisor: by customer, largest accounts", () => $"/api/orders?customer={Any(sample.LargeAccounts)}", true));
        }

        using var http = Client(url, token);
        using var scoped = Client(url, scopedToken ?? token);
        // Every kind is warmed up, in turns, for some rounds and some seconds before any is measured:
        // after start the server spends seconds of CPU recompiling hot code in the background
        // (tiered JIT), which would otherwise land on the first kinds measured.
        var warmupFailures = 0;
        var warming = Stopwatch.StartNew();
        for (var round = 0; round < warmup || warming.Elapsed < warmupTime; round++)
            foreach (var (_, path, isScoped) in kinds)
                warmupFailures += await TimeAsync(isScoped ? scoped : http, path(), cancellationToken) is null ? 1 : 0;
        if (warmupFailures > 0) log.WriteLine($"  {warmupFailures} warm-up requests failed");

        var results = new List<QueryResult>();
        foreach (var (kind, path, isScoped) in kinds)
        {
            var client = isScoped ? scoped : http;
            var failures = 0;
            var example = path();
            var latencies = new List<double>(requests);
            var cpuBefore = ServerCpu.Read(serverPid);
            for (var i = 0; i < requests; i++)
            {
                if (await TimeAsync(client, path(), cancellationToken) is { } ms) latencies.Add(ms);
                else failures++;
            }
            var cpu = ServerCpu.Read(serverPid) - cpuBefore;
            latencies.Sort();
            var result = new QueryResult(kind, example, requests, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
                latencies.Count == 0 ? 0 : Math.Round(latencies[^1], 2), failures, cpu is { } used ? Math.Round(used.TotalMilliseconds / requests, 2) : null);
            results.Add(result);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-45} p50 {result.P50Ms,7:0.0} ms  p95 {result.P95Ms,7:0.0} ms  p99 {result.P99Ms,7:0.0} ms  max {result.MaxMs,7:0.0} ms  server CPU {result.ServerCpuMsPerRequest,5:0.0} ms  {failures} failed"));
        }
        return results;
    }

    private static HttpClient Client(Uri url, string token)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The time to the whole body of a successful answer; null for any other.</summary>
    private static async Task<double?> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.IsSuccessStatusCode) return elapsed;
        await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {path}: {System.Text.Encoding.UTF8.GetString(body)}");
        return null;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}
