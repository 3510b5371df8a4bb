using System.Security.Claims;
using Orderly.Application.Access;
using Orderly.Core.Security;
using Orderly.Hosting;

namespace Orderly.Security;

/// <summary>
/// The claims every authenticated caller carries, whether it signed in with a cookie or a token:
/// its permissions and its site scope. Endpoints read scope only through these helpers.
/// </summary>
public static class OrderlyClaims
{
    public const string Permission = "orderly:permission";
    public const string Sites = "orderly:sites";
    public const string Token = "orderly:token";

    public static SiteScope SiteScope(this ClaimsPrincipal user) =>
        user.FindFirstValue(Sites) is { } sites ? Core.Security.SiteScope.Parse(sites) : Core.Security.SiteScope.Only([]);

    public static bool Can(this ClaimsPrincipal user, string permission) =>
        user.HasClaim(Permission, permission);

    /// <summary>Who did it, as the audit log records it: the user, and the token when one was used.</summary>
    public static string Actor(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "anonymous";
        return user.FindFirstValue(Token) is { } token ? $"{name} (token {token})" : name;
    }

    /// <summary>
    /// The actor a request acts as: the signed-in user or token with its permissions and sites, and
    /// the request's correlation id for the audit trail. An anonymous request (a signed carrier
    /// event) acts as <paramref name="outsideRequest"/>, with no permission and no site.
    /// </summary>
    public static Actor Actor(this HttpContext context, string outsideRequest)
    {
        var user = context.User;
        var correlationId = CorrelationId.Of(context);
        if (user.Identity is not { IsAuthenticated: true })
            return new Actor(outsideRequest, Core.Security.SiteScope.Only([]), new HashSet<string>(StringComparer.Ordinal), correlationId);
        var permissions = user.FindAll(Permission).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(user.Actor(), user.SiteScope(), permissions, correlationId);
    }
}
