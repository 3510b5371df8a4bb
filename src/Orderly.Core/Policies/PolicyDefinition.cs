namespace Orderly.Core.Policies;

/// <summary>
/// A fulfillment policy the engine understands: its key, what it governs, its classification,
/// its allowed values (each with a meaning a customer-service agent can read out) and the
/// enterprise standard. The values in force are data (<see cref="PolicyValue"/>).
/// </summary>
public sealed record PolicyDefinition(
    string Key,
    string Governs,
    PolicyClassification Classification,
    string Standard,
    IReadOnlyDictionary<string, string> AllowedValues)
{
    public bool Allows(string value) => AllowedValues.ContainsKey(value);

    /// <summary>The decision when no value is in force: the standard, built in.</summary>
    public PolicyDecision BuiltInStandard { get; } = new(Key, Standard, PolicyScope.Enterprise, "", 0, "", "built-in standard");

    public string Meaning(string value) => AllowedValues.TryGetValue(value, out var meaning) ? meaning : value;
}
