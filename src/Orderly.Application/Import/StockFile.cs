using System.Globalization;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Data.Import;

namespace Orderly.Application.Import;

/// <summary>
/// Reads a stock file of opening balances: one row per bucket, with the columns site, location,
/// sku, status (default available) and quantity (in the item's base unit). Every row is checked
/// by the rules a receipt obeys: known site, location of that site that takes stock, known SKU,
/// a status stock may be posted to by hand, a quantity the item can be counted in. A bucket may
/// appear once per file. Rows with a zero quantity open nothing and are skipped.
/// </summary>
internal static class StockFile
{
    public static readonly string[] Columns = ["site", "location", "sku", "status", "quantity"];
    public static readonly string[] Required = ["site", "location", "sku", "quantity"];

    private const int ProgressEvery = 10_000;

    /// <summary>The valid rows, sorted in the balances' key order, and how many zero rows were skipped.</summary>
    public static (List<OpeningBalance> Balances, int ZeroRows) Read(ImportFile file, StockCatalog catalog, ImportErrors errors, Action<double>? progress)
    {
        int site = file.Column("site"), location = file.Column("location"), sku = file.Column("sku"),
            status = file.Column("status"), quantity = file.Column("quantity");
        var balances = new List<OpeningBalance>();
        var zeroRows = 0;
        var rows = 0;
        while (file.Read())
        {
            if (++rows % ProgressEvery == 0) progress?.Invoke(file.Progress);
            if (file.IsBlank) continue;
            var row = file.Row;
            var siteEntry = Site(file.Cell(site), row, errors, catalog);
            var locationEntry = siteEntry is null ? null : Location(siteEntry, file.Cell(location), row, errors);
            var item = Item(file.Cell(sku), row, errors, catalog);
            var parsedStatus = Status(status < 0 ? [] : file.Cell(status), row, errors);
            var milli = item is null ? null : Milli(file.Cell(quantity), item, row, errors);
            if (siteEntry is null || locationEntry is null || item is null || parsedStatus is null || milli is null) continue;
            if (milli == 0) zeroRows++;
            else balances.Add(new OpeningBalance(siteEntry.Id, locationEntry.Id, item.Id, parsedStatus.Value, milli.Value, row));
        }
        if (rows == 0) errors.Add(2, null, ImportFile.NoRows);
        progress?.Invoke(1);
        balances.Sort(OpeningBalance.Compare);
        var firstOfBucket = 0;
        for (var i = 1; i < balances.Count; i++)
        {
            if (!balances[i].SameBucket(balances[firstOfBucket])) firstOfBucket = i;
            else errors.Add(balances[i].Row, null,
                $"the same site, location, SKU and status as row {balances[firstOfBucket].Row}; each bucket has one opening balance per file.");
        }
        return (balances, zeroRows);
    }

    private static StockCatalog.SiteEntry? Site(ReadOnlySpan<char> code, int row, ImportErrors errors, StockCatalog catalog)
    {
        if (code.IsEmpty) errors.Add(row, "site", "A site code is required.");
        else if (catalog.Site(code) is { } site) return site;
        else errors.Add(row, "site", $"There is no site '{code.ToString().ToUpperInvariant()}'.");
        return null;
    }

    private static StockCatalog.LocationEntry? Location(StockCatalog.SiteEntry site, ReadOnlySpan<char> code, int row, ImportErrors errors)
    {
        if (code.IsEmpty) errors.Add(row, "location", "A location code is required.");
        else if (StockCatalog.Location(site, code) is not { } location)
            errors.Add(row, "location", $"Site {site.Code} has no location '{code.ToString().ToUpperInvariant()}'.");
        else if (!location.Active)
            errors.Add(row, "location", $"Location {site.Code}/{code.ToString().ToUpperInvariant()} is inactive and takes no stock.");
        else return location;
        return null;
    }

    private static StockCatalog.ItemEntry? Item(ReadOnlySpan<char> sku, int row, ImportErrors errors, StockCatalog catalog)
    {
        if (catalog.Item(sku) is { } item) return item;
        errors.Add(row, "sku", Sku.TryParse(sku.ToString(), out var parsed, out var error) ? $"There is no item with SKU '{parsed}'." : error);
        return null;
    }

    private static InventoryStatus? Status(ReadOnlySpan<char> code, int row, ImportErrors errors)
    {
        if (code.IsEmpty) return InventoryStatus.Available;
        foreach (var definition in InventoryStatuses.All)
        {
            if (!code.Equals(definition.Code, StringComparison.OrdinalIgnoreCase)) continue;
            if (!definition.Status.IsOrderManaged()) return definition.Status;
            errors.Add(row, "status", $"Stock enters and leaves '{definition.Code}' only through orders; an opening balance is in a status such as available or quarantine.");
            return null;
        }
        errors.Add(row, "status", InventoryStatuses.TryParse(code.ToString(), out _, out var error) ? $"'{code}' is not an inventory status." : error);
        return null;
    }

    /// <summary>The quantity in thousandths of the item's base unit; zero is allowed here (the row is skipped), a negative one is not.</summary>
    private static long? Milli(ReadOnlySpan<char> text, StockCatalog.ItemEntry item, int row, ImportErrors errors)
    {
        if (text.IsEmpty)
        {
            errors.Add(row, "quantity", "A quantity is required.");
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(row, "quantity", $"'{text}' is not a number (use a dot for decimals).");
            return null;
        }
        if (!Quantity.TryCreate(value, out var quantity, out var error))
        {
            errors.Add(row, "quantity", error);
            return null;
        }
        if (!item.Fractional && !quantity.IsWhole)
        {
            errors.Add(row, "quantity", $"{item.BaseUnit} is counted in whole units; {value.ToString(CultureInfo.InvariantCulture)} is fractional.");
            return null;
        }
        return quantity.Milli;
    }
}
