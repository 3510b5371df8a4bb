using Orderly.Core.Security;

namespace Orderly.Data.Security;

/// <summary>
/// A bearer credential for a system acting as a user. Only the SHA-256 of the secret is kept:
/// the secret has 256 bits of entropy, so a fast hash is enough and lookup by hash is direct.
/// Its permissions and sites are capped by its user's at every request.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public OrderlyUser? User { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, shown in listings so people can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";

    /// <summary>Space-separated permission names.</summary>
    public string Permissions { get; set; } = "";

    public SiteScope Sites { get; set; } = SiteScope.Only([]);
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
