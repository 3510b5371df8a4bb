using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orderly.LargeDb.History;

namespace Orderly.LargeDb.Queries;

/// <summary>Writes the results as <c>largedb.json</c> and <c>largedb.md</c> and prints the table.</summary>
internal static class Report
{
    public const double TargetP95Ms = 20;

    // Relaxed escaping keeps the example paths readable (& rather than \u0026); the file is never embedded in HTML.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(string directory, GenerationResult? generation, IReadOnlyList<QueryResult> queries, TextWriter output,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(new { targetP95Ms = TargetP95Ms, generation, queries }, Json);
        await File.WriteAllTextAsync(Path.Combine(directory, "largedb.json"), json, cancellationToken);
        var table = Table(generation, queries);
        await File.WriteAllTextAsync(Path.Combine(directory, "largedb.md"), table, cancellationToken);
        await output.WriteAsync(table);
    }

    private static string Table(GenerationResult? generation, IReadOnlyList<QueryResult> queries)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (generation is not null)
            md.AppendLine(c, $"{generation.Orders:N0} orders, {generation.Lines:N0} lines, {generation.Allocations:N0} open allocations, {generation.Decisions:N0} decisions; " +
                $"written in {generation.WriteSeconds:0.0} s, VACUUM ANALYZE {generation.VacuumSeconds:0.0} s. " +
                $"Orders by status: {string.Join(", ", generation.OrdersByStatus.Select(s => $"{s.Key} {s.Value:N0}"))}.").AppendLine();
        md.AppendLine(c, $"| query | example | requests | p50 ms | p95 ms | p99 ms | max ms | server CPU ms per request | p95 under {TargetP95Ms:0} ms | failed |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var q in queries)
            md.AppendLine(c, $"| {q.Kind} | `{q.Example}` | {q.Requests} | {q.P50Ms:0.0} | {q.P95Ms:0.0} | {q.P99Ms:0.0} | {q.MaxMs:0.0} | {(q.ServerCpuMsPerRequest is { } cpu ? cpu.ToString("0.0", c) : "-")} | {(q.P95Ms < TargetP95Ms ? "yes" : "**no**")} | {q.Failures} |");
        return md.ToString();
    }
}
