using System.Globalization;

namespace Orderly.Core.Policies;

/// <summary>
/// The value of one policy that applied to one decision, and where it came from: the scope,
/// the version and the approval. <see cref="Explain"/> says it in words an agent can read out.
/// </summary>
public sealed record PolicyDecision(
    string Key,
    string Value,
    PolicyScope Scope,
    string ScopeValue,
    int Version,
    string ApprovedBy,
    string Justification)
{
    public string ScopeDescription => Scope switch
    {
        PolicyScope.Enterprise => "enterprise standard",
        PolicyScope.Region => $"{ScopeValue} region variation",
        PolicyScope.Site => $"site {ScopeValue} variation",
        PolicyScope.Segment => $"{ScopeValue} segment variation",
        PolicyScope.Customer => $"customer {ScopeValue} exception",
    };

    /// <summary>"policy shipment.partial = hold-until-complete (meaning), East region variation v1, approved by pmo (why)".</summary>
    public string Explain()
    {
        var meaning = PolicyRegister.TryGet(Key, out var definition) ? definition.Meaning(Value) : Value;
        var approval = Scope != PolicyScope.Enterprise && ApprovedBy.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $", approved by {ApprovedBy}") : "";
        var why = Scope != PolicyScope.Enterprise && Justification.Length > 0 ? $" ({Justification})" : "";
        return $"policy {Key} = {Value} ({meaning}), {ScopeDescription} v{Version}{approval}{why}";
    }
}
