using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Core.MasterData;
using Orderly.Data;

namespace Orderly.Application.Warehouse;

/// <summary>The site a warehouse request acts at, resolved within the caller's scope, with its staging lane.</summary>
public sealed record SiteContext(Site Site, Location Staging)
{
    /// <summary>The site and its first staging lane, or null when the site is unknown or outside the caller's scope.</summary>
    public static async Task<(SiteContext? Context, string? Problem)> FindAsync(string code, Actor actor, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        var site = actor.Reaches(key) ? await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Code == key, cancellationToken) : null;
        if (site is null) return (null, $"There is no site '{key}' that you may work at.");
        var staging = await db.Locations.AsNoTracking().Where(l => l.SiteId == site.Id && l.Kind == LocationKind.Staging && l.Active)
            .OrderBy(l => l.Code).FirstOrDefaultAsync(cancellationToken);
        return staging is null ? (null, $"Site {key} has no active staging location; add one before picking.") : (new SiteContext(site, staging), null);
    }
}
