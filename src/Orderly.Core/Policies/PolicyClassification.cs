namespace Orderly.Core.Policies;

/// <summary>How far a policy may vary from its enterprise standard.</summary>
public enum PolicyClassification
{
    /// <summary>No variation: the enterprise standard applies everywhere.</summary>
    Mandatory,

    /// <summary>A region, site, segment or customer may use another of the listed allowed values.</summary>
    ControlledVariation,

    /// <summary>Any allowed value, but only with an approver, a justification and an expiry.</summary>
    LocalException,
}
