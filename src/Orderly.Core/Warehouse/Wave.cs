namespace Orderly.Core.Warehouse;

/// <summary>A batch of pick tasks released together at one site.</summary>
public sealed class Wave
{
    private Wave() { }

    public Wave(long siteId, int lineLimit, string releasedBy, DateTimeOffset releasedAt)
    {
        SiteId = siteId;
        LineLimit = lineLimit;
        ReleasedBy = releasedBy;
        ReleasedAt = releasedAt;
    }

    public long Id { get; private set; }
    public long SiteId { get; private set; }
    public int LineLimit { get; private set; }
    public string ReleasedBy { get; private set; } = "";
    public DateTimeOffset ReleasedAt { get; private set; }
    public int Tasks { get; private set; }

    public void Count(int tasks) => Tasks = tasks;
}
