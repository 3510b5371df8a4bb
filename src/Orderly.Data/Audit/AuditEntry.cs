namespace Orderly.Data.Audit;

/// <summary>
/// One governed change: who did what to which record, when, with the record before and after
/// (as JSON) and the reason given. Written in the same transaction as the change itself.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";

    /// <summary>The site the change belongs to, when it belongs to one; used to scope audit reads.</summary>
    public string? SiteCode { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public string? CorrelationId { get; set; }
}
