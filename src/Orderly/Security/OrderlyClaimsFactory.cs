using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Orderly.Core.Security;
using Orderly.Data.Security;

namespace Orderly.Security;

/// <summary>Adds the permissions of the user's roles and its site scope to the sign-in cookie.</summary>
public sealed class OrderlyClaimsFactory(
    UserManager<OrderlyUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OrderlyUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OrderlyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roles = await UserManager.GetRolesAsync(user);
        foreach (var permission in roles.SelectMany(Roles.PermissionsOf).Distinct(StringComparer.Ordinal))
            identity.AddClaim(new Claim(OrderlyClaims.Permission, permission));
        identity.AddClaim(new Claim(OrderlyClaims.Sites, user.Sites.ToString()));
        return identity;
    }
}
