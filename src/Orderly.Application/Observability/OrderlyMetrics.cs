using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orderly.Application.Observability;

/// <summary>
/// Orderly's own trace source and meter. The host exports them over OTLP when configured; without
/// an exporter the meter still answers <c>dotnet-counters</c>.
/// </summary>
public static class OrderlyMetrics
{
    public const string Name = "Orderly";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);
    public static readonly Counter<long> MovementsPosted = Meter.CreateCounter<long>("orderly.stock.movements", description: "Stock movements posted to the ledger.");
}
