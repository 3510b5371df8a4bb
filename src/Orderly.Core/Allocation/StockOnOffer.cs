using Orderly.Core.Inventory;

namespace Orderly.Core.Allocation;

/// <summary>
/// Available stock in one bucket, as the planner sees it: where it is and how much. A value, not
/// an object: a network's offer is hundreds of thousands of them, and as one array of structs the
/// garbage collector has one object to trace instead of one per bucket.
/// </summary>
public readonly record struct StockOnOffer(long SiteId, long LocationId, long ItemId, int PickSequence, Quantity Quantity);

/// <summary>A site the planner may source from, with what sourcing order needs to know of it.</summary>
public sealed record SourcingSite(long Id, string Code, bool IsDc, string Region);

/// <summary>One line to allocate: the item, the quantity still waiting, and approved substitutes in order of preference (a value, like a take).</summary>
public readonly record struct AllocationNeed(int LineNumber, long ItemId, Quantity Quantity, IReadOnlyList<long> Substitutes);

/// <summary>A quantity the planner takes for a line from one bucket (a value: an order's plan allocates no object per take).</summary>
public readonly record struct PlannedTake(int LineNumber, long SiteId, long LocationId, long ItemId, Quantity Quantity);
