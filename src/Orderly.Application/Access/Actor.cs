using Orderly.Core.Security;

namespace Orderly.Application.Access;

/// <summary>
/// Who is acting, with which permissions, at which sites: a person signed in, an API token, the
/// command line or the server's own background work. Every service takes it explicitly, so a rule
/// never depends on where a call came from. <see cref="CorrelationId"/> ties the audit trail to the
/// request that caused it, where there was one.
/// </summary>
public sealed record Actor(string Name, SiteScope Sites, IReadOnlySet<string> Permissions, string? CorrelationId = null)
{
    /// <summary>
    /// An actor with every permission at every site, for work no person asked for through a
    /// request: a command-line administrator (<c>cli:alice</c>) or the server itself (<c>system</c>).
    /// </summary>
    public static Actor System(string name) =>
        new(name, SiteScope.All, new HashSet<string>(Core.Security.Permissions.All, StringComparer.Ordinal));

    public bool Can(string permission) => Permissions.Contains(permission);

    /// <summary>Whether the actor may see or act at the site with this code.</summary>
    public bool Reaches(string siteCode) => Sites.Includes(siteCode);
}
