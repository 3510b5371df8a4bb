using Microsoft.AspNetCore.Identity;

namespace Orderly.Application.Security;

/// <summary>The password and lockout rules, the same for the server's sign-in and the command line's <c>user add</c>.</summary>
public static class OrderlyIdentity
{
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
    }
}
