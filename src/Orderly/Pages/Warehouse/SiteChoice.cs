using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orderly.Data;
using Orderly.MasterData;
using Orderly.Security;

namespace Orderly.Pages.Warehouse;

/// <summary>The sites a warehouse page may work at (the caller's), and which one it works at now.</summary>
public static class SiteChoice
{
    public static async Task<(IReadOnlyList<string> Sites, string? Chosen)> ResolveAsync(string? wanted, ClaimsPrincipal user, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().InScope(user.SiteScope()).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
        var key = wanted?.Trim().ToUpperInvariant();
        var chosen = key is not null && sites.Contains(key) ? key : sites.Count == 1 ? sites[0] : null;
        return (sites, chosen);
    }
}
