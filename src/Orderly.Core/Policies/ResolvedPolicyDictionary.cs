using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Orderly.Core.Policies;

/// <summary>
/// Every policy of the register as resolved for one context, read by key. One array in the
/// register's order rather than a hash table per order: the engine resolves the policies for
/// every order it allocates, and a dictionary of six entries cost more than the resolution itself.
/// </summary>
public sealed class ResolvedPolicyDictionary : IReadOnlyDictionary<string, PolicyDecision>
{
    private readonly PolicyDecision[] _decisions;

    /// <param name="decisions">One decision per policy, in the order of <see cref="PolicyRegister.Definitions"/>.</param>
    internal ResolvedPolicyDictionary(PolicyDecision[] decisions) => _decisions = decisions;

    public PolicyDecision this[string key] =>
        PolicyRegister.TryGetPosition(key, out var position) ? _decisions[position] : throw new KeyNotFoundException($"The policy register has no policy '{key}'.");

    public int Count => _decisions.Length;

    public IEnumerable<string> Keys => PolicyRegister.Definitions.Select(d => d.Key);

    public IEnumerable<PolicyDecision> Values => _decisions;

    public bool ContainsKey(string key) => PolicyRegister.TryGetPosition(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PolicyDecision value)
    {
        var known = PolicyRegister.TryGetPosition(key, out var position);
        value = known ? _decisions[position] : null;
        return known;
    }

    public IEnumerator<KeyValuePair<string, PolicyDecision>> GetEnumerator()
    {
        for (var position = 0; position < _decisions.Length; position++)
            yield return new(PolicyRegister.Definitions[position].Key, _decisions[position]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
