namespace Orderly.Core.Policies;

/// <summary>
/// Resolves the value of a policy in force for a context: the most specific scope with a value
/// in force wins (customer, segment, site, region, enterprise), as far as the classification
/// allows. A mandatory policy always takes the enterprise standard; a local exception counts only
/// with an approver, a justification and an expiry that has not passed; any value outside the
/// allowed list is ignored, so a bad row can never steer the engine.
/// </summary>
public static class PolicyResolver
{
    public static PolicyDecision Resolve(PolicyDefinition definition, IEnumerable<PolicyValue> values, PolicyContext context, DateTimeOffset now)
    {
        // One pass, no allocation: resolution runs for every order the engine allocates.
        PolicyValue? chosen = null;
        foreach (var value in values)
        {
            if (value.Key != definition.Key || !value.InForce(now) || !definition.Allows(value.Value)) continue;
            if (value.ScopeValue != context.ValueFor(value.Scope)) continue;
            if (value.Scope != PolicyScope.Enterprise && !MayVary(definition, value)) continue;
            if (chosen is null || value.Scope > chosen.Scope || (value.Scope == chosen.Scope && value.Version > chosen.Version))
                chosen = value;
        }
        return chosen?.Decision ?? definition.BuiltInStandard;
    }

    /// <summary>Whether a scoped value may override the standard under the policy's classification.</summary>
    public static bool MayVary(PolicyDefinition definition, PolicyValue value) => definition.Classification switch
    {
        PolicyClassification.Mandatory => false,
        PolicyClassification.ControlledVariation => true,
        PolicyClassification.LocalException => !string.IsNullOrWhiteSpace(value.ApprovedBy) && !string.IsNullOrWhiteSpace(value.Justification) && value.ValidUntil is not null,
    };

    /// <summary>Every policy of the register, resolved for one context.</summary>
    public static IReadOnlyDictionary<string, PolicyDecision> ResolveAll(IReadOnlyCollection<PolicyValue> values, PolicyContext context, DateTimeOffset now)
    {
        var resolved = new Dictionary<string, PolicyDecision>(PolicyRegister.Definitions.Count, StringComparer.Ordinal);
        foreach (var definition in PolicyRegister.Definitions)
            resolved[definition.Key] = Resolve(definition, values, context, now);
        return resolved;
    }
}
