using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Orderly.Data.Security;
using Orderly.Hosting;
using Orderly.Application.Paging;

namespace Orderly.Pages;

/// <summary>Password sign-in, with Identity's lockout and a per-address rate limit on attempts.</summary>
[AllowAnonymous]
[EnableRateLimiting(OrderlyServer.SignInRateLimit)]
public sealed class SignInModel(SignInManager<OrderlyUser> signIn) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrWhiteSpace(UserName) && !string.IsNullOrEmpty(Password))
        {
            var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        // One message for every failure, so the page does not tell which user names exist.
        Error = "The user name or password is not right, or the account is locked after 5 failed attempts (for 15 minutes; an administrator can help).";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
