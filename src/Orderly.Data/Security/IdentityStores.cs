using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Orderly.Data.Security;

/// <summary>Identity's user and role stores, in Orderly's own database.</summary>
public static class IdentityStores
{
    public static IdentityBuilder AddOrderlyStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<OrderlyDbContext>();
}
