using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Audit;
using Orderly.Security;
using Orderly.Application.Access;

namespace Orderly.Pages.Admin;

/// <summary>The audit log, newest first, filtered by what changed and who changed it.</summary>
[Authorize(Policy = Permissions.AuditRead)]
public sealed class AuditModel(OrderlyDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var query = db.Audit.AsNoTracking();
        var scope = User.SiteScope();
        if (!scope.AllSites)
        {
            var codes = scope.Codes.ToList();
            query = query.Where(a => a.SiteCode != null && codes.Contains(a.SiteCode));
        }
        if (!string.IsNullOrWhiteSpace(EntityType)) query = query.Where(a => a.EntityType == EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(Key)) query = query.Where(a => a.EntityKey == Key.Trim());
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(a => a.Actor.StartsWith(Actor.Trim()));
        var rows = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }
}
