using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Validation;
using Orderly.Data;

namespace Orderly.Application.Inventory;

/// <summary>
/// Resolves the business keys a stock request names (site, locations, SKU, statuses) to
/// records, collecting a field error for each that is unknown or not allowed. A site outside
/// the caller's scope is reported separately, before anything else is looked up.
/// </summary>
public sealed class StockReferences(OrderlyDbContext db, Actor actor, FieldErrors errors)
{
    public Site? Site { get; private set; }
    public Item? Item { get; private set; }
    public string? SiteOutOfScope { get; private set; }

    public async Task ResolveSiteAndItemAsync(string? site, string? sku, CancellationToken cancellationToken)
    {
        var siteCode = site?.Trim().ToUpperInvariant() ?? "";
        if (siteCode.Length == 0) errors.Add("site", "A site code is required.");
        else if (!actor.Reaches(siteCode)) SiteOutOfScope = siteCode;
        else
        {
            Site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Code == siteCode, cancellationToken);
            if (Site is null) errors.Add("site", $"There is no site '{siteCode}'.");
        }

        if (!Sku.TryParse(sku, out var parsedSku, out var skuError)) errors.Add("sku", skuError);
        else
        {
            Item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Sku == parsedSku.Value, cancellationToken);
            if (Item is null) errors.Add("sku", $"There is no item with SKU '{parsedSku}'.");
        }
    }

    /// <summary>
    /// Resolves a location of the site. An inactive location may still give stock up (so it can be
    /// emptied) but may not receive any.
    /// </summary>
    public async Task<long?> LocationAsync(string field, string? code, CancellationToken cancellationToken, bool receives = true)
    {
        var key = code?.Trim().ToUpperInvariant() ?? "";
        if (key.Length == 0)
        {
            errors.Add(field, "A location code is required.");
            return null;
        }
        if (Site is null) return null;
        var location = await db.Locations.AsNoTracking()
            .Where(l => l.SiteId == Site.Id && l.Code == key)
            .Select(l => new { l.Id, l.Active })
            .SingleOrDefaultAsync(cancellationToken);
        if (location is null) errors.Add(field, $"Site {Site.Code} has no location '{key}'.");
        else if (!location.Active && receives) errors.Add(field, $"Location {Site.Code}/{key} is inactive and takes no stock.");
        return location?.Id;
    }

    /// <summary>Parses a status a person may post to (default available); order-managed statuses are refused.</summary>
    public InventoryStatus? Status(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return InventoryStatus.Available;
        if (!InventoryStatuses.TryParse(text, out var status, out var error))
        {
            errors.Add(field, error);
            return null;
        }
        if (status.IsOrderManaged())
        {
            errors.Add(field, $"Stock enters and leaves '{status.Code()}' only through orders, not by a manual posting.");
            return null;
        }
        return status;
    }

    /// <summary>Converts an amount in a unit of the resolved item to base units.</summary>
    public Quantity? Quantity(string field, decimal? amount, string? unit, string unitField = "unit")
    {
        if (amount is null)
        {
            errors.Add(field, "A quantity is required.");
            return null;
        }
        if (Item is null) return null;
        if (!Item.TryResolveUnit(unit, out var unitCode, out var unitError))
        {
            errors.Add(unitField, unitError);
            return null;
        }
        if (Item.TryToBase(amount.Value, unitCode, out var quantity, out var error)) return quantity;
        errors.Add(field, error);
        return null;
    }
}
