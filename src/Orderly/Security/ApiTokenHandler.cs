using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Security;
using Orderly.Data.Storage;
using Orderly.Application.Security;

namespace Orderly.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer oly_...</c>. The token acts as its user, but never
/// beyond the permissions and sites granted to the token itself.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OrderlyDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private sealed record TokenHolder(ApiToken Token, OrderlyUser? User, List<string> Roles);

    // The token, its user and the user's roles in one round trip, compiled once: this runs before every API request.
    private static readonly CompiledQuery<Func<OrderlyDbContext, string, CancellationToken, Task<TokenHolder?>>> TokenWithUserAndRoles = new(() =>
        EF.CompileAsyncQuery((OrderlyDbContext db, string hash, CancellationToken _) => db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash)
            .Select(t => new TokenHolder(t, t.User,
                db.UserRoles.Where(ur => ur.UserId == t.UserId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .AsSingleQuery()
            .SingleOrDefault()));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var secret = header["Bearer ".Length..].Trim();
        var hash = ApiTokenSecret.Hash(secret);
        var found = await TokenWithUserAndRoles.For(db)(db, hash, Context.RequestAborted);
        var (token, user) = (found?.Token, found?.User);
        var now = clock.GetUtcNow();
        // Sign-in lockout is deliberately not checked: it answers password guessing, and anyone could
        // otherwise stop an integration by failing its user's sign-in five times. Revoke the token instead.
        if (token is null || user is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            // One message for every cause: a caller probing tokens learns nothing.
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var roles = found!.Roles;
        var granted = roles.SelectMany(Roles.PermissionsOf).ToHashSet(StringComparer.Ordinal);
        var permissions = token.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(granted.Contains);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId),
            new(ClaimTypes.Name, user.UserName ?? token.UserId),
            new(OrderlyClaims.Token, token.Name),
            new(OrderlyClaims.Sites, token.Sites.Intersect(user.Sites).ToString()),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(permissions.Select(p => new Claim(OrderlyClaims.Permission, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
