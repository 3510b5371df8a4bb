using Orderly.Core.Policies;

namespace Orderly.Data.Orders;

/// <summary>A decision the engine made about an order, stored with the policy version that drove it.</summary>
public sealed class OrderDecisionRecord
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public int? LineNumber { get; set; }
    public DateTimeOffset At { get; set; }
    public string Outcome { get; set; } = "";
    public string PolicyKey { get; set; } = "";
    public string PolicyValue { get; set; } = "";
    public PolicyScope Scope { get; set; }
    public string ScopeValue { get; set; } = "";
    public int PolicyVersion { get; set; }
    public string ApprovedBy { get; set; } = "";
    public string Explanation { get; set; } = "";
}
