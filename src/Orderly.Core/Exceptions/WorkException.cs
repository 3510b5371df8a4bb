namespace Orderly.Core.Exceptions;

/// <summary>
/// An exception as a work item, not an e-mail: a typed problem the engine raised itself, owned by
/// a role, open until someone resolves it. (SLAs and escalation ladders come with the exceptions
/// capability; this is the record they will build on.)
/// </summary>
public sealed class WorkException
{
    public const string PickShort = "pick-short";

    private WorkException() { }

    public WorkException(string type, long siteId, long? orderId, string reference, string ownerRole, string details, DateTimeOffset raisedAt)
    {
        Type = type;
        SiteId = siteId;
        OrderId = orderId;
        Reference = reference;
        OwnerRole = ownerRole;
        Details = details;
        RaisedAt = raisedAt;
        Status = "open";
    }

    public long Id { get; private set; }
    public string Type { get; private set; } = "";
    public long SiteId { get; private set; }
    public long? OrderId { get; private set; }
    public string Reference { get; private set; } = "";
    public string OwnerRole { get; private set; } = "";
    public string Status { get; private set; } = "";
    public string Details { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
}
