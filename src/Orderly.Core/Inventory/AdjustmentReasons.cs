namespace Orderly.Core.Inventory;

/// <summary>
/// The reason codes an adjustment may carry. Adjustments are counted as a KPI, so the list is
/// closed: a free-text reason would make "why did stock change?" unanswerable in aggregate.
/// </summary>
public static class AdjustmentReasons
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cycle-count"] = "A cycle count found a different quantity than the ledger.",
        ["found"] = "Stock found that the ledger did not know about.",
        ["lost"] = "Stock that cannot be found.",
        ["damaged-disposal"] = "Damaged stock written off and disposed of.",
        ["expired-disposal"] = "Expired stock written off and disposed of.",
        ["sample"] = "Stock taken for a sample or a test.",
        ["opening-balance"] = "A balance brought over from the system Orderly replaces.",
        ["short-pick"] = "A picker did not find stock the ledger said was there (raised by a short pick).",
        ["correction"] = "A correction of an earlier posting error; say which in the reference.",
    };

    public static bool TryParse(string? text, out string reason, out string error)
    {
        reason = (text ?? "").Trim().ToLowerInvariant();
        error = "";
        if (reason.Length == 0)
        {
            error = $"An adjustment needs a reason code: one of {string.Join(", ", All.Keys)}.";
            return false;
        }
        if (!All.ContainsKey(reason))
        {
            error = $"'{text}' is not a reason code; use one of {string.Join(", ", All.Keys)}.";
            return false;
        }
        return true;
    }
}
