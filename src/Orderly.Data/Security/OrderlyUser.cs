using Microsoft.AspNetCore.Identity;
using Orderly.Core.Security;

namespace Orderly.Data.Security;

/// <summary>A person who signs in. Roles come from Identity; <see cref="Sites"/> bounds what they see.</summary>
public sealed class OrderlyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public SiteScope Sites { get; set; } = SiteScope.Only([]);
}
