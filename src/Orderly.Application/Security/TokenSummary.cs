namespace Orderly.Application.Security;

/// <summary>What may be shown of an API token: everything but the secret.</summary>
public sealed record TokenSummary(
    string User,
    string Name,
    string Prefix,
    string Permissions,
    string Sites,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
