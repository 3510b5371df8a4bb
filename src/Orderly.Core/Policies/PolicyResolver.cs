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
            if (value.Key == definition.Key) chosen = Better(definition, chosen, value, definition.Allows(value.Value), context, now);
        return chosen?.Decision ?? definition.BuiltInStandard;
    }

    /// <summary>The value that should decide: <paramref name="candidate"/> if it may and is more specific (or newer) than <paramref name="chosen"/>.</summary>
    private static PolicyValue? Better(PolicyDefinition definition, PolicyValue? chosen, PolicyValue candidate, bool allowed, PolicyContext context, DateTimeOffset now)
    {
        if (!allowed || !candidate.InForce(now)) return chosen;
        if (candidate.ScopeValue != context.ValueFor(candidate.Scope)) return chosen;
        if (candidate.Scope != PolicyScope.Enterprise && !MayVary(definition, candidate)) return chosen;
        return chosen is null || candidate.Scope > chosen.Scope || (candidate.Scope == chosen.Scope && candidate.Version > chosen.Version) ? candidate : chosen;
    }

    /// <summary>Whether a scoped value may override the standard under the policy's classification.</summary>
    public static bool MayVary(PolicyDefinition definition, PolicyValue value) => definition.Classification switch
    {
        PolicyClassification.Mandatory => false,
        PolicyClassification.ControlledVariation => true,
        PolicyClassification.LocalException => !string.IsNullOrWhiteSpace(value.ApprovedBy) && !string.IsNullOrWhiteSpace(value.Justification) && value.ValidUntil is not null,
    };

    /// <summary>Every policy of the register, resolved for one context.</summary>
    public static ResolvedPolicyDictionary ResolveAll(IReadOnlyCollection<PolicyValue> values, PolicyContext context, DateTimeOffset now)
    {
        // One pass over the values, each to its own policy, rather than one pass per policy; each
        // value knows its place in the register, so no key is hashed per order.
        var definitions = PolicyRegister.Definitions;
        var chosen = new PolicyValue?[definitions.Count];
        foreach (var value in values)
            if (value.Registration is { Position: >= 0 } registration)
                chosen[registration.Position] = Better(definitions[registration.Position], chosen[registration.Position], value, registration.Allowed, context, now);
        var decisions = new PolicyDecision[definitions.Count];
        for (var position = 0; position < definitions.Count; position++)
            decisions[position] = chosen[position]?.Decision ?? definitions[position].BuiltInStandard;
        return new ResolvedPolicyDictionary(decisions);
    }
}
