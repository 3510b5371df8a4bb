using Orderly.Core.Policies;

namespace Orderly.Core.Tests.Policies;

/// <summary>
/// Resolution of the policy in force for a context: scope precedence, classification limits,
/// local-exception approval and expiry, retired and invalid values, versions, and the words
/// <see cref="PolicyDecision.Explain"/> uses.
/// </summary>
public class PolicyResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PolicyContext East = new("C-100", "wholesale", "BOS", "East");
    private static readonly PolicyContext West = new("C-200", "retail", "SEA", "West");

    private static PolicyDefinition ShipmentPartial => PolicyRegister.Get(PolicyKeys.ShipmentPartial);
    private static PolicyDefinition Substitution => PolicyRegister.Get(PolicyKeys.Substitution);
    private static PolicyDefinition PriorityOverride => PolicyRegister.Get(PolicyKeys.PriorityOverride);

    private static PolicyValue Value(string key, PolicyScope scope, string scopeValue, string value, int version = 1,
        string approvedBy = "pmo", string justification = "pilot", DateTimeOffset? validUntil = null) =>
        new(key, scope, scopeValue, value, version, approvedBy, justification, validUntil, Now.AddDays(-30));

    private static PolicyValue Partial(PolicyScope scope, string scopeValue, string value, int version = 1) =>
        Value(PolicyKeys.ShipmentPartial, scope, scopeValue, value, version);

    private static PolicyValue SubstitutionException(string approvedBy = "pmo", string justification = "supplier outage", DateTimeOffset? validUntil = null) =>
        Value(PolicyKeys.Substitution, PolicyScope.Customer, East.CustomerAccount, PolicyKeys.ApprovedSubstitutes, 1, approvedBy, justification, validUntil);

    private static string ScopeValueFor(PolicyScope scope) => East.ValueFor(scope);

    [Fact]
    public void ResolveAll_ReadsLikeADictionaryInRegisterOrder_AndNamesAnUnknownKey()
    {
        var resolved = PolicyResolver.ResolveAll([Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete)], East, Now);

        Assert.Equal(PolicyRegister.Definitions.Select(d => d.Key), resolved.Keys);
        Assert.Equal(resolved.Keys, resolved.Select(pair => pair.Key));
        Assert.Equal(resolved.Values, resolved.Select(pair => pair.Value));
        Assert.True(resolved.TryGetValue(PolicyKeys.ShipmentPartial, out var partial));
        Assert.Equal(PolicyKeys.HoldUntilComplete, partial.Value);
        Assert.False(resolved.ContainsKey("shipment.unknown"));
        Assert.False(resolved.TryGetValue("shipment.unknown", out _));
        var missing = Assert.Throws<KeyNotFoundException>(() => resolved["shipment.unknown"]);
        Assert.Contains("shipment.unknown", missing.Message);
    }

    [Fact]
    public void ResolveAll_AValueOfAKeyTheRegisterDoesNotKnow_IsIgnored()
    {
        var resolved = PolicyResolver.ResolveAll([Value("shipment.unknown", PolicyScope.Enterprise, "", "anything")], East, Now);

        Assert.Equal(PolicyRegister.Definitions.Select(d => d.BuiltInStandard), resolved.Values);
    }

    [Fact]
    public void ResolveAll_NoValues_EveryPolicyTakesItsBuiltInStandard()
    {
        var resolved = PolicyResolver.ResolveAll([], East, Now);

        Assert.Equal(PolicyRegister.Definitions.Count, resolved.Count);
        foreach (var definition in PolicyRegister.Definitions)
        {
            var decision = resolved[definition.Key];
            Assert.Equal(definition.Key, decision.Key);
            Assert.Equal(definition.Standard, decision.Value);
            Assert.Equal(PolicyScope.Enterprise, decision.Scope);
            Assert.Equal("", decision.ScopeValue);
            Assert.Equal(0, decision.Version);
            Assert.Equal("", decision.ApprovedBy);
        }
    }

    [Fact]
    public void Resolve_StoredEnterpriseStandard_ReplacesBuiltInStandard()
    {
        var decision = PolicyResolver.Resolve(ShipmentPartial, [Partial(PolicyScope.Enterprise, "", PolicyKeys.HoldUntilComplete, version: 2)], East, Now);

        Assert.Equal(PolicyKeys.HoldUntilComplete, decision.Value);
        Assert.Equal(PolicyScope.Enterprise, decision.Scope);
        Assert.Equal(2, decision.Version);
    }

    [Fact]
    public void Resolve_RegionVariation_AppliesOnlyInThatRegion()
    {
        PolicyValue[] values = [Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete)];

        var east = PolicyResolver.Resolve(ShipmentPartial, values, East, Now);
        var west = PolicyResolver.Resolve(ShipmentPartial, values, West, Now);

        Assert.Equal((PolicyKeys.HoldUntilComplete, PolicyScope.Region, "East"), (east.Value, east.Scope, east.ScopeValue));
        Assert.Equal((PolicyKeys.ShipAvailable, PolicyScope.Enterprise), (west.Value, west.Scope));
    }

    [Theory]
    [InlineData(PolicyScope.Site)]
    [InlineData(PolicyScope.Segment)]
    [InlineData(PolicyScope.Customer)]
    public void Resolve_ScopedValueForAnotherContext_IsIgnored(PolicyScope scope)
    {
        var decision = PolicyResolver.Resolve(ShipmentPartial, [Partial(scope, West.ValueFor(scope), PolicyKeys.HoldUntilComplete)], East, Now);

        Assert.Equal(PolicyKeys.ShipAvailable, decision.Value);
        Assert.Equal(PolicyScope.Enterprise, decision.Scope);
    }

    /// <summary>
    /// Values exist at every scope up to <paramref name="mostSpecific"/>, alternating between the two
    /// allowed values, so the winner's value differs from the value of the scope just below it.
    /// </summary>
    [Theory]
    [InlineData(PolicyScope.Customer)]
    [InlineData(PolicyScope.Segment)]
    [InlineData(PolicyScope.Site)]
    [InlineData(PolicyScope.Region)]
    [InlineData(PolicyScope.Enterprise)]
    public void Resolve_SeveralScopes_MostSpecificWins(PolicyScope mostSpecific)
    {
        static string ValueAt(PolicyScope scope) => (int)scope % 2 == 0 ? PolicyKeys.HoldUntilComplete : PolicyKeys.ShipAvailable;
        var values = Enum.GetValues<PolicyScope>()
            .Where(scope => scope <= mostSpecific)
            .Reverse() // the most specific first, so the winner is not simply the last row
            .Select(scope => Partial(scope, ScopeValueFor(scope), ValueAt(scope), version: 10 - (int)scope))
            .ToList();

        var decision = PolicyResolver.Resolve(ShipmentPartial, values, East, Now);

        Assert.Equal(mostSpecific, decision.Scope);
        Assert.Equal(ValueAt(mostSpecific), decision.Value);
        Assert.Equal(ScopeValueFor(mostSpecific), decision.ScopeValue);
    }

    [Fact]
    public void Resolve_MoreSpecificScope_WinsOverHigherVersionOfWiderScope()
    {
        PolicyValue[] values =
        [
            Partial(PolicyScope.Region, "East", PolicyKeys.ShipAvailable, version: 9),
            Partial(PolicyScope.Site, "BOS", PolicyKeys.HoldUntilComplete, version: 1),
        ];

        var decision = PolicyResolver.Resolve(ShipmentPartial, values, East, Now);

        Assert.Equal((PolicyScope.Site, PolicyKeys.HoldUntilComplete, 1), (decision.Scope, decision.Value, decision.Version));
    }

    [Theory]
    [InlineData(PolicyScope.Region)]
    [InlineData(PolicyScope.Site)]
    [InlineData(PolicyScope.Segment)]
    [InlineData(PolicyScope.Customer)]
    public void Resolve_MandatoryPolicy_IgnoresScopedValues(PolicyScope scope)
    {
        var value = Value(PolicyKeys.PriorityOverride, scope, ScopeValueFor(scope), PolicyKeys.AnyAgent,
            validUntil: Now.AddYears(1));

        var decision = PolicyResolver.Resolve(PriorityOverride, [value], East, Now);

        Assert.Equal(PolicyKeys.SupervisorOnly, decision.Value);
        Assert.Equal(PolicyScope.Enterprise, decision.Scope);
        Assert.False(PolicyResolver.MayVary(PriorityOverride, value));
    }

    [Fact]
    public void Resolve_MandatoryPolicy_TakesStoredEnterpriseStandardOverScopedValue()
    {
        PolicyValue[] values =
        [
            Value(PolicyKeys.PriorityOverride, PolicyScope.Enterprise, "", PolicyKeys.Nobody, version: 3),
            Value(PolicyKeys.PriorityOverride, PolicyScope.Customer, East.CustomerAccount, PolicyKeys.AnyAgent),
        ];

        var decision = PolicyResolver.Resolve(PriorityOverride, values, East, Now);

        Assert.Equal((PolicyKeys.Nobody, PolicyScope.Enterprise, 3), (decision.Value, decision.Scope, decision.Version));
    }

    [Fact]
    public void Resolve_LocalExceptionWithApproverJustificationAndExpiry_Applies()
    {
        var decision = PolicyResolver.Resolve(Substitution, [SubstitutionException(validUntil: Now.AddDays(30))], East, Now);

        Assert.Equal(PolicyKeys.ApprovedSubstitutes, decision.Value);
        Assert.Equal(PolicyScope.Customer, decision.Scope);
        Assert.Equal("pmo", decision.ApprovedBy);
        Assert.Equal("supplier outage", decision.Justification);
    }

    [Theory]
    [InlineData("", "supplier outage", true)]
    [InlineData("pmo", "", true)]
    [InlineData("pmo", "supplier outage", false)]
    public void Resolve_LocalExceptionMissingApproverJustificationOrExpiry_IsIgnored(string approvedBy, string justification, bool hasExpiry)
    {
        var value = SubstitutionException(approvedBy, justification, hasExpiry ? Now.AddDays(30) : null);

        var decision = PolicyResolver.Resolve(Substitution, [value], East, Now);

        Assert.False(PolicyResolver.MayVary(Substitution, value));
        Assert.Equal(PolicyKeys.NoSubstitutes, decision.Value);
        Assert.Equal(PolicyScope.Enterprise, decision.Scope);
    }

    [Fact]
    public void Resolve_LocalException_CountsUntilItsExpiryAndNotFromThen()
    {
        var expiry = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        PolicyValue[] values = [SubstitutionException(validUntil: expiry)];

        Assert.Equal(PolicyKeys.ApprovedSubstitutes, PolicyResolver.Resolve(Substitution, values, East, expiry.AddTicks(-1)).Value);
        Assert.Equal(PolicyKeys.NoSubstitutes, PolicyResolver.Resolve(Substitution, values, East, expiry).Value);
        Assert.Equal(PolicyKeys.NoSubstitutes, PolicyResolver.Resolve(Substitution, values, East, expiry.AddDays(1)).Value);
    }

    [Fact]
    public void Resolve_ExpiredVariation_FallsBackToTheNextScope()
    {
        PolicyValue[] values =
        [
            Value(PolicyKeys.ShipmentPartial, PolicyScope.Customer, East.CustomerAccount, PolicyKeys.ShipAvailable, validUntil: Now.AddDays(-1)),
            Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete),
        ];

        var decision = PolicyResolver.Resolve(ShipmentPartial, values, East, Now);

        Assert.Equal((PolicyScope.Region, PolicyKeys.HoldUntilComplete), (decision.Scope, decision.Value));
    }

    [Fact]
    public void Resolve_RetiredValue_IsIgnored()
    {
        var retired = Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete);
        retired.Retire(Now.AddDays(-1));

        var decision = PolicyResolver.Resolve(ShipmentPartial, [retired], East, Now);

        Assert.Equal((PolicyKeys.ShipAvailable, PolicyScope.Enterprise), (decision.Value, decision.Scope));
    }

    [Fact]
    public void Resolve_HigherVersionRetired_PreviousVersionOfSameScopeApplies()
    {
        var v1 = Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, version: 1);
        var v2 = Partial(PolicyScope.Region, "East", PolicyKeys.ShipAvailable, version: 2);
        v2.Retire(Now.AddDays(-1));

        var decision = PolicyResolver.Resolve(ShipmentPartial, [v2, v1], East, Now);

        Assert.Equal((PolicyKeys.HoldUntilComplete, 1), (decision.Value, decision.Version));
    }

    [Fact]
    public void Retire_Twice_KeepsTheFirstRetirement()
    {
        var value = Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete);

        value.Retire(Now);
        value.Retire(Now.AddDays(5));

        Assert.Equal(Now, value.RetiredAt);
        Assert.False(value.InForce(Now.AddDays(1)));
    }

    [Theory]
    [InlineData(PolicyScope.Enterprise)]
    [InlineData(PolicyScope.Region)]
    [InlineData(PolicyScope.Customer)]
    public void Resolve_ValueOutsideAllowedList_IsIgnored(PolicyScope scope)
    {
        var decision = PolicyResolver.Resolve(ShipmentPartial, [Partial(scope, ScopeValueFor(scope), "ship-whenever")], East, Now);

        Assert.Equal(PolicyKeys.ShipAvailable, decision.Value);
        Assert.Equal(0, decision.Version);
    }

    [Fact]
    public void Resolve_InvalidValueAtMostSpecificScope_NextValidScopeApplies()
    {
        PolicyValue[] values =
        [
            Partial(PolicyScope.Customer, East.CustomerAccount, "Hold-Until-Complete"),
            Partial(PolicyScope.Site, "BOS", PolicyKeys.HoldUntilComplete),
        ];

        var decision = PolicyResolver.Resolve(ShipmentPartial, values, East, Now);

        Assert.Equal((PolicyScope.Site, PolicyKeys.HoldUntilComplete), (decision.Scope, decision.Value));
    }

    [Fact]
    public void Resolve_ValueOfAnotherPolicy_IsIgnored()
    {
        var sourcing = Value(PolicyKeys.AllocationSourcing, PolicyScope.Region, "East", PolicyKeys.AnySite);

        var resolved = PolicyResolver.ResolveAll([sourcing], East, Now);

        Assert.Equal(PolicyKeys.AnySite, resolved[PolicyKeys.AllocationSourcing].Value);
        Assert.Equal(PolicyKeys.ShipAvailable, resolved[PolicyKeys.ShipmentPartial].Value);
        Assert.Equal(PolicyKeys.Backorder, resolved[PolicyKeys.BackorderHandling].Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resolve_SeveralVersionsInOneScope_HighestVersionWinsWhateverTheOrder(bool highestFirst)
    {
        PolicyValue[] values =
        [
            Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, version: 1),
            Partial(PolicyScope.Region, "East", PolicyKeys.ShipAvailable, version: 3),
            Partial(PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, version: 2),
        ];
        if (highestFirst) Array.Reverse(values);

        var decision = PolicyResolver.Resolve(ShipmentPartial, values, East, Now);

        Assert.Equal((PolicyKeys.ShipAvailable, 3), (decision.Value, decision.Version));
    }

    [Theory]
    [InlineData(PolicyClassification.Mandatory, false)]
    [InlineData(PolicyClassification.ControlledVariation, true)]
    public void MayVary_WithoutApproval_DependsOnlyOnClassification(PolicyClassification classification, bool expected)
    {
        var definition = ShipmentPartial with { Classification = classification };
        var unapproved = Value(PolicyKeys.ShipmentPartial, PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, approvedBy: "", justification: "");

        Assert.Equal(expected, PolicyResolver.MayVary(definition, unapproved));
    }

    [Fact]
    public void Explain_RegionVariation_NamesKeyValueMeaningScopeVersionAndApproval()
    {
        var decision = PolicyResolver.Resolve(ShipmentPartial,
            [Value(PolicyKeys.ShipmentPartial, PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, 1, "pmo", "pilot")], East, Now);

        Assert.Equal(
            "policy shipment.partial = hold-until-complete (nothing is picked until every line is allocated), East region variation v1, approved by pmo (pilot)",
            decision.Explain());
    }

    [Fact]
    public void Explain_StoredEnterpriseStandard_OmitsApprovalAndJustification()
    {
        var decision = PolicyResolver.Resolve(ShipmentPartial,
            [Value(PolicyKeys.ShipmentPartial, PolicyScope.Enterprise, "", PolicyKeys.ShipAvailable, 2, "cfo", "board decision")], East, Now);

        Assert.Equal(
            "policy shipment.partial = ship-available (ship what is available now and the rest when it arrives), enterprise standard v2",
            decision.Explain());
    }

    [Fact]
    public void Explain_BuiltInStandard_SaysEnterpriseStandardWithoutApproval()
    {
        var explanation = PolicyResolver.Resolve(Substitution, [], East, Now).Explain();

        Assert.Equal("policy substitution = none (no substitutes), enterprise standard v0", explanation);
    }

    [Fact]
    public void Explain_ScopedValueWithoutApprover_OmitsApproval()
    {
        var decision = new PolicyDecision(PolicyKeys.Consolidation, PolicyKeys.PerOrder, PolicyScope.Site, "BOS", 4, "", "");

        Assert.Equal(
            "policy consolidation = per-order (one shipment per order: a single site that can fill every line is preferred), site BOS variation v4",
            decision.Explain());
    }

    [Fact]
    public void Explain_UnknownKey_UsesTheValueAsItsMeaning()
    {
        var decision = new PolicyDecision("returns.window", "30-days", PolicyScope.Customer, "C-100", 1, "ops", "contract");

        Assert.Equal("policy returns.window = 30-days (30-days), customer C-100 exception v1, approved by ops (contract)", decision.Explain());
    }

    [Theory]
    [InlineData(PolicyScope.Enterprise, "", "enterprise standard")]
    [InlineData(PolicyScope.Region, "East", "East region variation")]
    [InlineData(PolicyScope.Site, "BOS", "site BOS variation")]
    [InlineData(PolicyScope.Segment, "wholesale", "wholesale segment variation")]
    [InlineData(PolicyScope.Customer, "C-100", "customer C-100 exception")]
    public void ScopeDescription_NamesScopeAndItsValue(PolicyScope scope, string scopeValue, string expected) =>
        Assert.Equal(expected, new PolicyDecision(PolicyKeys.ShipmentPartial, PolicyKeys.ShipAvailable, scope, scopeValue, 1, "", "").ScopeDescription);

    [Fact]
    public void Register_EveryStandardIsAnAllowedValue_AndKeysAreUnique()
    {
        Assert.All(PolicyRegister.Definitions, d => Assert.True(d.Allows(d.Standard), $"{d.Key} standard {d.Standard} is not allowed"));
        Assert.Equal(PolicyRegister.Definitions.Count, PolicyRegister.Definitions.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Register_GetAndTryGet_FindKnownKeysOnly()
    {
        Assert.Equal(PolicyClassification.Mandatory, PolicyRegister.Get(PolicyKeys.PriorityOverride).Classification);
        Assert.Equal(PolicyClassification.LocalException, PolicyRegister.Get(PolicyKeys.Substitution).Classification);
        Assert.True(PolicyRegister.TryGet(PolicyKeys.Consolidation, out var consolidation));
        Assert.Equal(PolicyKeys.PerOrderAndSite, consolidation.Standard);
        Assert.False(PolicyRegister.TryGet("no.such.policy", out _));
        Assert.Throws<KeyNotFoundException>(() => PolicyRegister.Get("no.such.policy"));
    }

    [Fact]
    public void Definition_Meaning_OfUnknownValue_IsTheValueItself()
    {
        Assert.Equal("no substitutes", Substitution.Meaning(PolicyKeys.NoSubstitutes));
        Assert.Equal("maybe", Substitution.Meaning("maybe"));
        Assert.False(Substitution.Allows("maybe"));
    }
}
