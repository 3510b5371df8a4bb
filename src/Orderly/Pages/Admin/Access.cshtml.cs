using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Security;
using Orderly.Application.Paging;
using Orderly.Application.Security;

namespace Orderly.Pages.Admin;

/// <summary>Users with their roles and sites, and API tokens: created (the secret shown once) and revoked.</summary>
[Authorize(Policy = Permissions.AccessManage)]
public sealed class AccessModel(OrderlyDbContext db, AccessAdministration access, Actor actor) : PageModel
{
    public sealed record UserRow(string Name, string Roles, string Sites, bool LockedOut);

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Sites { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? TokenUser { get; set; }
    [BindProperty] public string? TokenName { get; set; }
    [BindProperty] public int? ExpiresInDays { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? NewSecret { get; private set; }
    [TempData] public string? Message { get; set; }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddUserAsync(CancellationToken cancellationToken)
    {
        var errors = await access.AddUserAsync(actor, UserName?.Trim() ?? "", Password ?? "", Role ?? "", SiteScope.Parse(Sites ?? ""), null, cancellationToken);
        if (!errors.IsEmpty) return await ShowAsync(errors.ToDictionary(), cancellationToken);
        Message = $"Added user {UserName!.Trim()} as {Role}.";
        return Redirect("/admin/access");
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken)
    {
        var (secret, errors) = await access.CreateTokenAsync(actor, TokenUser?.Trim() ?? "", TokenName?.Trim() ?? "", null, null, ExpiresInDays, cancellationToken);
        if (secret is null) return await ShowAsync(errors.ToDictionary().ToDictionary(e => "token." + e.Key, e => e.Value), cancellationToken);
        NewSecret = secret;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string user, string name, CancellationToken cancellationToken)
    {
        var errors = await access.RevokeTokenAsync(actor, user, name, cancellationToken);
        Message = errors.IsEmpty ? $"Revoked token '{name}' of {user}; it stopped working at once." : errors.ToString();
        return Redirect("/admin/access");
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyDictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        Users = users.Select(u => new UserRow(u.UserName!, string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
            u.Sites.AllSites ? "all sites" : u.Sites.ToString(), u.LockoutEnd > now)).ToList();
        Tokens = await access.ListTokensAsync(null, cancellationToken);
    }
}
