using Orderly.Core.Definitions;

namespace Orderly.Data.Import;

/// <summary>
/// One opening balance of a stock file, resolved to ids and validated: a bucket and a positive
/// quantity in thousandths of the item's base unit, with the file row it came from.
/// </summary>
public readonly record struct OpeningBalance(long SiteId, long LocationId, long ItemId, InventoryStatus Status, long Milli, int Row)
{
    /// <summary>The balances' key order (site, location, item, status), then the row, so a repeated bucket sorts next to its first row.</summary>
    public static int Compare(OpeningBalance a, OpeningBalance b)
    {
        var c = a.SiteId.CompareTo(b.SiteId);
        if (c == 0) c = a.LocationId.CompareTo(b.LocationId);
        if (c == 0) c = a.ItemId.CompareTo(b.ItemId);
        if (c == 0) c = a.Status.CompareTo(b.Status);
        return c != 0 ? c : a.Row.CompareTo(b.Row);
    }

    public bool SameBucket(OpeningBalance other) =>
        SiteId == other.SiteId && LocationId == other.LocationId && ItemId == other.ItemId && Status == other.Status;
}

/// <summary>What every opening movement of one import shares: when, who, and the reference that names the import.</summary>
public sealed record OpeningMovements(DateTimeOffset At, string Reference, string Actor)
{
    /// <summary>The adjustment reason whose definition is exactly this: a balance brought over from the system Orderly replaces.</summary>
    public const string ReasonCode = "opening-balance";
}
