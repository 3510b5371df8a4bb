using OpenTelemetry;
using Orderly.Application.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Orderly.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, the database driver, the runtime and
/// Orderly's own meter, collected and exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class Telemetry
{
    private const string Name = OrderlyMetrics.Name;

    public static IServiceCollection AddOrderlyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Collecting traces nobody exports costs CPU on every request and query, so without an
        // OTLP endpoint nothing is collected (Orderly's own meter still works with dotnet-counters).
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return services;
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(Name, "Npgsql").AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation())
            .UseOtlpExporter();
        return services;
    }
}
