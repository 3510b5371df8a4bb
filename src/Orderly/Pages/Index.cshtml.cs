using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Orderly.Security;

namespace Orderly.Pages;

/// <summary>The signed-in home page.</summary>
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string Sites { get; private set; } = "";

    public void OnGet()
    {
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var scope = User.SiteScope();
        Sites = scope.AllSites ? "all sites" : string.Join(", ", scope.Codes.Order(StringComparer.Ordinal));
    }
}
