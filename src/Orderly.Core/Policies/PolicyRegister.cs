using System.Collections.Frozen;

namespace Orderly.Core.Policies;

/// <summary>The catalogue of policies Orderly governs, with their enterprise standards.</summary>
public static class PolicyRegister
{
    public static IReadOnlyList<PolicyDefinition> Definitions { get; } =
    [
        new(PolicyKeys.ShipmentPartial, "Whether an order ships what is available or waits until every line can ship.",
            PolicyClassification.ControlledVariation, PolicyKeys.ShipAvailable, new Dictionary<string, string>
            {
                [PolicyKeys.ShipAvailable] = "ship what is available now and the rest when it arrives",
                [PolicyKeys.HoldUntilComplete] = "nothing is picked until every line is allocated",
            }),
        new(PolicyKeys.AllocationSourcing, "Which sites an order may take stock from, in which order.",
            PolicyClassification.ControlledVariation, PolicyKeys.HomeThenRegionDc, new Dictionary<string, string>
            {
                [PolicyKeys.HomeSiteOnly] = "stock only from the customer's home site",
                [PolicyKeys.HomeThenRegionDc] = "stock from the home site first, then the region's distribution centre",
                [PolicyKeys.AnySite] = "stock from the home site, then the region's DC, then any other site",
            }),
        new(PolicyKeys.BackorderHandling, "What happens to the part of a line that cannot be allocated.",
            PolicyClassification.ControlledVariation, PolicyKeys.Backorder, new Dictionary<string, string>
            {
                [PolicyKeys.Backorder] = "backordered with a promise date from the item's lead time",
                [PolicyKeys.CancelRemainder] = "the unallocated remainder is cancelled",
            }),
        new(PolicyKeys.Substitution, "Whether an approved substitute item may fill a shortage.",
            PolicyClassification.LocalException, PolicyKeys.NoSubstitutes, new Dictionary<string, string>
            {
                [PolicyKeys.NoSubstitutes] = "no substitutes",
                [PolicyKeys.ApprovedSubstitutes] = "the item's approved substitutes may fill a shortage",
            }),
        new(PolicyKeys.Consolidation, "How shipments are grouped.",
            PolicyClassification.ControlledVariation, PolicyKeys.PerOrderAndSite, new Dictionary<string, string>
            {
                [PolicyKeys.PerOrderAndSite] = "one shipment per order and site",
                [PolicyKeys.PerOrder] = "one shipment per order: a single site that can fill every line is preferred",
            }),
        new(PolicyKeys.PriorityOverride, "Who may capture an order as rush.",
            PolicyClassification.Mandatory, PolicyKeys.SupervisorOnly, new Dictionary<string, string>
            {
                [PolicyKeys.AnyAgent] = "anyone who may capture orders",
                [PolicyKeys.SupervisorOnly] = "supervisors and administrators only",
                [PolicyKeys.Nobody] = "nobody: rush is not offered",
            }),
    ];

    private static readonly Dictionary<string, PolicyDefinition> ByKey = Definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static PolicyDefinition Get(string key) => ByKey[key];

    // Frozen: read for every order the engine allocates, never changed.
    private static readonly FrozenDictionary<string, int> PositionByKey = Definitions.Select((d, i) => (d.Key, i)).ToFrozenDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    /// <summary>Where the policy stands in <see cref="Definitions"/>; false for a key the register does not know.</summary>
    public static bool TryGetPosition(string key, out int position) => PositionByKey.TryGetValue(key, out position);

    public static bool TryGet(string key, out PolicyDefinition definition) => ByKey.TryGetValue(key, out definition!);
}
