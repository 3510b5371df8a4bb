using Orderly.Core.Policies;

namespace Orderly.Core.Orders;

/// <summary>
/// Something the engine decided about an order or one of its lines, and the policy value that
/// drove it; <see cref="Explanation"/> is what a customer-service agent reads out.
/// </summary>
public sealed record OrderDecision(int? LineNumber, string Outcome, PolicyDecision Policy)
{
    public string Explanation => $"{(LineNumber is { } line ? $"Line {line}: " : "")}{Outcome}; {Policy.Explain()}.";
}
