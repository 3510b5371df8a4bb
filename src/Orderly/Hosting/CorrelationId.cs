using System.Diagnostics;

namespace Orderly.Hosting;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is a sane
/// token, else the trace id. It is echoed in the response, put in every log line's scope, in
/// every problem detail, and in the audit log, so one id ties a complaint to its trail.
/// </summary>
public sealed class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "orderly.correlation-id";

    public static string Of(HttpContext context) =>
        context.Items[ItemKey] as string ?? context.TraceIdentifier;

    public async Task InvokeAsync(HttpContext context)
    {
        string? given = context.Request.Headers[Header];
        var id = IsSane(given) ? given! : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id))
        {
            await next(context);
        }
    }

    private static bool IsSane(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
