using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Orderly.Data.Security;

namespace Orderly.Pages;

/// <summary>Signs out on POST only, so a link or image elsewhere cannot sign a user out.</summary>
public sealed class SignOutModel(SignInManager<OrderlyUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/signin");
    }
}
