namespace Orderly.Data.Events;

/// <summary>
/// One entry of the append-only event log. The id is the integration cursor: entries are only
/// ever inserted, in the same transaction as the change they record, and read in id order.
/// </summary>
public sealed class EventRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Type { get; set; } = "";
    public string? BizStep { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public long? OrderId { get; set; }
    public string? SiteCode { get; set; }

    /// <summary>The event's details as a JSON object.</summary>
    public string Data { get; set; } = "{}";
}
