namespace Orderly.Data.Warehouse;

/// <summary>A tracking event received from a carrier, kept once per (carrier, event id) so replays change nothing.</summary>
public sealed class CarrierEventRecord
{
    public long Id { get; set; }
    public string Carrier { get; set; } = "";
    public string EventId { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool Applied { get; set; }
}
