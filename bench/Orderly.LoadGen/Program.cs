using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Posts canonical orders (N lines each, SKUs and customers from the demo catalogue, a fixed seed)
// to a running Orderly with C concurrent clients, and prints throughput and latency percentiles.
// With a batch size B > 0 it posts arrays of B orders to /api/orders/batch instead (latency is then per batch).
// The last two lines of output are the result as JSON and as tab-separated values, for scripts/bench.sh.
// Usage: loadgen URL TOKEN [orders=2000] [clients=4] [lines=5] [batch=0]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: loadgen URL TOKEN [orders] [clients] [lines] [batch]");
    return 1;
}
var url = new Uri(args[0]);
var token = args[1];
var orders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
var lines = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
var batch = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0;

HttpClient Client()
{
    var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return http;
}

using var setup = Client();
async Task<List<string>> Keys(string path, string property, Func<JsonElement, bool>? keep = null)
{
    var keys = new List<string>();
    for (var page = 1; page <= 20; page++)
    {
        using var doc = JsonDocument.Parse(await setup.GetStringAsync(new Uri($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}&pageSize=200", UriKind.Relative)));
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        keys.AddRange(items.Where(i => keep?.Invoke(i) ?? true).Select(i => i.GetProperty(property).GetString()!));
        if (items.Count < 200) break;
    }
    return keys;
}
var skus = await Keys("/api/items?active=true", "sku");
// Blocked customers are refused by design; they are not what this measures.
var customers = await Keys("/api/customers", "accountNumber", c => !c.GetProperty("blocked").GetBoolean());
var random = new Random(20261126);
var run = Guid.NewGuid().ToString("N")[..8];
var bodies = Enumerable.Range(0, orders).Select(i => new
{
    channel = "api",
    externalRef = $"LOAD-{run}-{i}",
    customer = customers[random.Next(customers.Count)],
    lines = Enumerable.Range(1, lines).Select(l => new { line = l, sku = skus[random.Next(skus.Count)], quantity = 1 + random.Next(3) }).ToArray(),
}).ToArray();

var requests = batch > 0 ? (orders + batch - 1) / batch : orders;
var latencies = new double[requests];
var failures = 0;
var next = -1;
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
{
    using var http = Client();
    int index;
    while ((index = Interlocked.Increment(ref next)) < requests)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = batch > 0
            ? await http.PostAsJsonAsync("/api/orders/batch", bodies.Skip(index * batch).Take(batch).ToArray())
            : await http.PostAsJsonAsync("/api/orders", bodies[index]);
        latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // A batch answers 200 with per-order results; it succeeded when none was rejected.
        var ok = batch > 0
            ? response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("\"rejected\":0", StringComparison.Ordinal)
            : (int)response.StatusCode == 201;
        if (!ok)
        {
            Interlocked.Increment(ref failures);
            if (failures <= 3) Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}));
watch.Stop();
Array.Sort(latencies);
double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
var seconds = watch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{orders} orders x {lines} lines, {clients} clients{(batch > 0 ? $", batches of {batch}" : "")}: {orders / seconds:0} orders/s, {orders * lines / seconds:0} lines/s, " +
    $"p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms{(batch > 0 ? " per batch" : "")}, {failures} failed, {seconds:0.0} s"));
Console.WriteLine(JsonSerializer.Serialize(new
{
    orders, lines, clients, batch, seconds = Math.Round(seconds, 3),
    ordersPerSecond = Math.Round(orders / seconds, 1), linesPerSecond = Math.Round(orders * lines / seconds, 1),
    p50Ms = Math.Round(Percentile(0.50), 2), p95Ms = Math.Round(Percentile(0.95), 2), p99Ms = Math.Round(Percentile(0.99), 2), failures,
}));
// And the same figures tab-separated, for shell scripts that build tables.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{clients}\t{(batch > 0 ? batch : "-")}\t{orders / seconds:0.0}\t{orders * lines / seconds:0.0}\t{Percentile(0.50):0.0}\t{Percentile(0.95):0.0}\t{Percentile(0.99):0.0}\t{failures}"));
return failures == 0 ? 0 : 2;
