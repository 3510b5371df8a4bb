namespace Orderly.Core.Policies;

/// <summary>
/// One value of a policy in force for one scope, with who approved it, why and until when.
/// Values are never edited: a change adds a new version and retires the old one, so every
/// decision can name the exact version that drove it.
/// </summary>
public sealed class PolicyValue
{
    private PolicyValue() { }

    public PolicyValue(string key, PolicyScope scope, string scopeValue, string value, int version,
        string approvedBy, string justification, DateTimeOffset? validUntil, DateTimeOffset createdAt)
    {
        Key = key;
        Scope = scope;
        ScopeValue = scopeValue;
        Value = value;
        Version = version;
        ApprovedBy = approvedBy;
        Justification = justification;
        ValidUntil = validUntil;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public PolicyScope Scope { get; private set; }

    /// <summary>The region name, site code, segment or customer account; empty for the enterprise standard.</summary>
    public string ScopeValue { get; private set; } = "";

    public string Value { get; private set; } = "";
    public int Version { get; private set; }
    public string ApprovedBy { get; private set; } = "";
    public string Justification { get; private set; } = "";
    public DateTimeOffset? ValidUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    private PolicyDecision? _decision;

    /// <summary>
    /// This value as the decision it drives. Made once per value, not once per order: every field
    /// it copies is fixed once the value is stored (a change adds a new version).
    /// </summary>
    public PolicyDecision Decision => _decision ??= new PolicyDecision(Key, Value, Scope, ScopeValue, Version, ApprovedBy, Justification);

    // Packed in one int (position * 2 + allowed; -1 for a key the register does not know), so that
    // threads sharing a value never read half of what another wrote.
    private const int NotWorkedOut = int.MinValue;
    private int _registration = NotWorkedOut;

    /// <summary>
    /// Where this value's policy stands in the register and whether the register allows the value:
    /// fixed once the value is stored, so worked out once per value rather than once per order
    /// resolved with it.
    /// </summary>
    internal PolicyRegistration Registration
    {
        get
        {
            var packed = _registration;
            if (packed == NotWorkedOut)
                _registration = packed = PolicyRegister.TryGetPosition(Key, out var position)
                    ? position * 2 + (PolicyRegister.Definitions[position].Allows(Value) ? 1 : 0)
                    : -1;
            return packed < 0 ? new PolicyRegistration(-1, false) : new PolicyRegistration(packed / 2, packed % 2 == 1);
        }
    }

    public bool InForce(DateTimeOffset now) => RetiredAt is null && (ValidUntil is null || ValidUntil > now);

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;
}

/// <summary>A value's standing in the register: its policy's position (-1 for a key the register does not know) and whether the value is allowed.</summary>
internal readonly record struct PolicyRegistration(int Position, bool Allowed);
