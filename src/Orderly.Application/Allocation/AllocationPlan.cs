using Orderly.Core.Allocation;
using Orderly.Core.Policies;

namespace Orderly.Application.Allocation;

/// <summary>
/// What allocation decided for an order before taking any stock: the policies in force, the
/// planned takes, and what the decisions need to name (lead times, site codes).
/// </summary>
public sealed record AllocationPlan(IReadOnlyDictionary<string, PolicyDecision> Policies, IReadOnlyList<PlannedTake> Takes,
    IReadOnlyDictionary<long, int> LeadTimes, IReadOnlyDictionary<long, string> SiteCodes);
