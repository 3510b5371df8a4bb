namespace Orderly.Core.Policies;

/// <summary>
/// Where a policy value applies. When several apply, the most specific wins:
/// customer over segment over site over region over enterprise.
/// </summary>
public enum PolicyScope
{
    Enterprise = 0,
    Region = 1,
    Site = 2,
    Segment = 3,
    Customer = 4,
}
