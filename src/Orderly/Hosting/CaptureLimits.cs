using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Orderly.Hosting;

/// <summary>
/// How many order captures (one order, a batch, the order form) the server works on at once, and how
/// many more may wait their turn. Captures share one writer on SQLite and a few cores everywhere:
/// past a handful in flight, more only wait inside the server, each holding a connection and its
/// buffers (16 clients without a limit left the server 90 MiB larger, at the same orders per
/// second). A capture past the queue is refused with 429 and Retry-After, which the client retries.
/// A place is taken when the request arrives, before its body is read: a slow upload holds it for as
/// long as Kestrel lets it trickle (its minimum body rate, 240 bytes a second, and 1 MiB at most).
/// </summary>
public sealed record CaptureLimits(int MaxConcurrent, int QueueLimit)
{
    public const string Policy = "capture";
    public const string MaxConcurrentSetting = "Orderly:Capture:MaxConcurrent";
    public const string QueueLimitSetting = "Orderly:Capture:QueueLimit";

    /// <summary>Two per core, at least four: enough to keep the writer and the cores busy while others parse and plan.</summary>
    public static int DefaultMaxConcurrent => Math.Max(4, 2 * Environment.ProcessorCount);

    public const int DefaultQueueLimit = 500;

    /// <summary>The limits in the configuration, or the defaults; a value that is not a whole number in range stops the server.</summary>
    public static CaptureLimits From(IConfiguration configuration) => new(
        Read(configuration, MaxConcurrentSetting, DefaultMaxConcurrent, minimum: 1),
        Read(configuration, QueueLimitSetting, DefaultQueueLimit, minimum: 0));

    private static int Read(IConfiguration configuration, string setting, int standard, int minimum)
    {
        if (configuration[setting] is not { } text) return standard;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= 100_000
            ? value
            : throw new ArgumentException($"{setting} '{text}' is not a whole number from {minimum} to 100000.");
    }

    /// <summary>
    /// One limiter for every capture, whichever endpoint or page it arrives on. Reading (the form
    /// itself) is not limited, nor is the order form's "more lines", which captures nothing.
    /// </summary>
    public void AddTo(RateLimiterOptions options) => options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            && !string.Equals(context.Request.Query["handler"], "MoreLines", StringComparison.OrdinalIgnoreCase)
        ? RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = MaxConcurrent,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })
        : RateLimitPartition.GetNoLimiter("read"));
}
