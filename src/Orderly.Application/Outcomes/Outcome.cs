using System.Diagnostics.CodeAnalysis;

namespace Orderly.Application.Outcomes;

/// <summary>
/// What a command returns: its result, or the <see cref="Refusal"/> that explains why there is
/// none. Either converts implicitly, so a service writes <c>return order;</c> or
/// <c>return Refusal.NotFound(...);</c>.
/// </summary>
public sealed class Outcome<T> where T : class
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    /// <summary>The same refusal as an outcome of another type, or this outcome's value turned into it.</summary>
    public async Task<Outcome<TNext>> ThenAsync<TNext>(Func<T, Task<TNext>> next) where TNext : class =>
        Succeeded ? await next(Value) : Refusal;
}
