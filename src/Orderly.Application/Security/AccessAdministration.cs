using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Audit;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Data.Security;
using Orderly.Data.Storage;

namespace Orderly.Application.Security;

/// <summary>Creates users and API tokens, within the rules: known roles and sites, and no token wider than its user.</summary>
public sealed class AccessAdministration(
    OrderlyDbContext db,
    UserManager<OrderlyUser> users,
    RoleManager<IdentityRole> roles,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>User and token names are short enough that "user (token name)" always fits the audit's actor column.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Creates any role the database lacks; every process checks at start, with one plain read when nothing is missing.</summary>
    public async Task EnsureRolesAsync()
    {
        var present = await StoredValues.DistinctAsync<IdentityRole>(db, nameof(IdentityRole.NormalizedName));
        foreach (var role in Roles.All.Where(r => !present.Contains(roles.NormalizeKey(r) ?? r)))
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>What the password rules say of <paramref name="password"/>: nothing when it is acceptable.</summary>
    public async Task<IReadOnlyList<string>> CheckPasswordAsync(string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, new OrderlyUser(), password)).Errors.Select(e => e.Description));
        return problems;
    }

    public async Task<FieldErrors> AddUserAsync(Actor actor, string userName, string password, string role, SiteScope sites, string? displayName, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > MaxNameLength)
            errors.Add("name", $"A user name has 1 to {MaxNameLength} characters.");
        if (!Roles.TryNormalize(role, out var roleName))
            errors.Add("role", $"'{role}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
        await CheckSitesExistAsync(sites, errors, cancellationToken);
        if (await users.FindByNameAsync(userName) is not null)
            errors.Add("name", $"A user named '{userName}' already exists.");
        if (!errors.IsEmpty) return errors;

        await EnsureRolesAsync();
        // Joins the caller's transaction when there is one (the demo seed adds its users with its data).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteAsync(cancellationToken) : null;
        var user = new OrderlyUser { UserName = userName, DisplayName = displayName ?? userName, Sites = sites, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        foreach (var error in created.Errors)
            errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "name", error.Description);
        if (!errors.IsEmpty) return errors;
        var assigned = await users.AddToRoleAsync(user, roleName);
        if (!assigned.Succeeded)
            throw new InvalidOperationException($"Could not give {userName} the role {roleName}: {string.Join(" ", assigned.Errors.Select(e => e.Description))}");
        audit.Record(actor, "created", "user", userName, null, new { userName, role = roleName, sites = sites.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    /// <summary>
    /// Issues a token for <paramref name="userName"/>; permissions and sites default to the user's own.
    /// Returns the secret, which is shown once and stored only as a hash.
    /// </summary>
    public async Task<(string? Secret, FieldErrors Errors)> CreateTokenAsync(
        Actor actor, string userName, string name, IReadOnlyList<string>? permissions, SiteScope? sites, int? expiresInDays, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            errors.Add("user", $"There is no user named '{userName}'.");
            return (null, errors);
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            errors.Add("name", $"A token name of 1 to {MaxNameLength} characters is required.");
        else if (await db.ApiTokens.AnyAsync(t => t.UserId == user.Id && t.Name == name, cancellationToken))
            errors.Add("name", $"User '{userName}' already has a token named '{name}'.");

        var granted = (await users.GetRolesAsync(user)).SelectMany(Roles.PermissionsOf).ToHashSet(StringComparer.Ordinal);
        var wanted = permissions ?? [.. granted];
        foreach (var permission in wanted)
        {
            if (!Permissions.IsKnown(permission))
                errors.Add("permissions", $"'{permission}' is not a permission; use any of: {string.Join(", ", Permissions.All)}.");
            else if (!granted.Contains(permission))
                errors.Add("permissions", $"User '{userName}' does not hold '{permission}', so a token of theirs cannot.");
        }
        var scope = sites ?? user.Sites;
        await CheckSitesExistAsync(scope, errors, cancellationToken);
        if (!user.Sites.AllSites && (scope.AllSites || scope.Codes.Any(c => !user.Sites.Includes(c))))
            errors.Add("sites", $"A token reaches no further than its user, whose sites are {user.Sites}.");
        if (expiresInDays is < 1 or > 3650)
            errors.Add("expiresInDays", "A token expires in 1 to 3650 days, or never.");
        if (!errors.IsEmpty) return (null, errors);

        var secret = ApiTokenSecret.Generate();
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Prefix = ApiTokenSecret.DisplayPrefix(secret),
            SecretHash = ApiTokenSecret.Hash(secret),
            Permissions = string.Join(' ', wanted.Distinct(StringComparer.Ordinal)),
            Sites = scope,
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(token);
        audit.Record(actor, "created", "api-token", $"{userName}/{name}", null,
            new { user = userName, name, prefix = token.Prefix, permissions = token.Permissions, sites = scope.ToString(), token.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return (secret, errors);
    }

    /// <summary>Stops a token from working at once. The record stays, so the audit trail still names it.</summary>
    public async Task<FieldErrors> RevokeTokenAsync(Actor actor, string userName, string name, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var token = await db.ApiTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.User!.UserName == userName && t.Name == name, cancellationToken);
        if (token is null) errors.Add("name", $"User '{userName}' has no token named '{name}'.");
        else if (token.RevokedAt is not null) errors.Add("name", $"Token '{name}' of '{userName}' was already revoked at {token.RevokedAt:u}.");
        if (!errors.IsEmpty) return errors;

        token!.RevokedAt = clock.GetUtcNow();
        audit.Record(actor, "revoked", "api-token", $"{userName}/{name}", new { revokedAt = (DateTimeOffset?)null }, new { token.RevokedAt });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The tokens of one user, or of everyone, without their secrets (which are not kept).</summary>
    public async Task<IReadOnlyList<TokenSummary>> ListTokensAsync(string? userName, CancellationToken cancellationToken)
    {
        var tokens = db.ApiTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (userName is not null) tokens = tokens.Where(t => t.User!.UserName == userName);
        var rows = await tokens.OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return rows.Select(t => new TokenSummary(t.User!.UserName!, t.Name, t.Prefix, t.Permissions, t.Sites.ToString(), t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList();
    }

    /// <summary>
    /// The actor a user acts as outside a request (an order file imported in their name): their
    /// roles' permissions at their sites, named <c>user (via)</c> in the audit log. Null when there is no such user.
    /// </summary>
    public async Task<Actor?> ActorAsync(string userName, string via)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null) return null;
        var permissions = (await users.GetRolesAsync(user)).SelectMany(Roles.PermissionsOf).ToHashSet(StringComparer.Ordinal);
        return new Actor($"{user.UserName} ({via})", user.Sites, permissions);
    }

    private async Task CheckSitesExistAsync(SiteScope scope, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (scope.AllSites) return;
        var codes = scope.Codes.ToList();
        var known = await db.Sites.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken);
        foreach (var missing in codes.Except(known, StringComparer.Ordinal))
            errors.Add("sites", $"There is no site '{missing}'.");
    }
}
