namespace Orderly.Core.Policies;

/// <summary>The keys of the policies the engine applies, and their values, as constants the code branches on.</summary>
public static class PolicyKeys
{
    public const string ShipmentPartial = "shipment.partial";
    public const string ShipAvailable = "ship-available";
    public const string HoldUntilComplete = "hold-until-complete";

    public const string AllocationSourcing = "allocation.sourcing";
    public const string HomeSiteOnly = "home-site-only";
    public const string HomeThenRegionDc = "home-then-region-dc";
    public const string AnySite = "any-site";

    public const string BackorderHandling = "backorder.handling";
    public const string Backorder = "backorder";
    public const string CancelRemainder = "cancel-remainder";

    public const string Substitution = "substitution";
    public const string NoSubstitutes = "none";
    public const string ApprovedSubstitutes = "approved-substitutes";

    public const string Consolidation = "consolidation";
    public const string PerOrderAndSite = "per-order-and-site";
    public const string PerOrder = "per-order";

    public const string PriorityOverride = "priority.override";
    public const string AnyAgent = "any-agent";
    public const string SupervisorOnly = "supervisor-only";
    public const string Nobody = "nobody";
}
