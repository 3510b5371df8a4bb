using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Core.Policies;
using Orderly.Core.Security;
using Orderly.Application.Policies;

namespace Orderly.Policies;

public sealed record PolicyValueResponse(string Scope, string ScopeValue, string Value, int Version, string ApprovedBy,
    string Justification, DateTimeOffset? ValidUntil, bool InForce);

public sealed record PolicyResponse(string Key, string Governs, string Classification, string Standard,
    IReadOnlyDictionary<string, string> AllowedValues, IReadOnlyList<PolicyValueResponse> Values);

/// <summary>The policy register: each policy, its classification, its enterprise standard and every scoped value.</summary>
public static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/policies", List).WithTags("Policies").RequireAuthorization(Permissions.MasterDataRead);

    private static async Task<Ok<IReadOnlyList<PolicyResponse>>> List(PolicyStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(Describe(await store.ValuesAsync(cancellationToken), clock.GetUtcNow()));

    /// <summary>The register as the API and the policies page show it.</summary>
    public static IReadOnlyList<PolicyResponse> Describe(IReadOnlyList<PolicyValue> values, DateTimeOffset now) =>
        PolicyRegister.Definitions.Select(d =>
        {
            var standard = PolicyResolver.Resolve(d, values, new PolicyContext("", "", "", ""), now);
            var scoped = values.Where(v => v.Key == d.Key).OrderBy(v => v.Scope).ThenBy(v => v.ScopeValue, StringComparer.Ordinal).ThenBy(v => v.Version)
                .Select(v => new PolicyValueResponse(Code(v.Scope), v.ScopeValue, v.Value, v.Version, v.ApprovedBy, v.Justification, v.ValidUntil,
                    v.InForce(now) && d.Allows(v.Value) && (v.Scope == PolicyScope.Enterprise || PolicyResolver.MayVary(d, v))))
                .ToList();
            return new PolicyResponse(d.Key, d.Governs, Code(d.Classification), standard.Value, d.AllowedValues, scoped);
        }).ToList();

    private static string Code(PolicyScope scope) => scope.ToString().ToLowerInvariant();

    private static string Code(PolicyClassification classification) => classification switch
    {
        PolicyClassification.Mandatory => "mandatory",
        PolicyClassification.ControlledVariation => "controlled-variation",
        PolicyClassification.LocalException => "local-exception",
    };
}
