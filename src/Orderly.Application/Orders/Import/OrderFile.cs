using System.Globalization;
using Sylvan.Data.Csv;
using MiniExcelLibs;

namespace Orderly.Application.Orders.Import;

/// <summary>One data row of an order file: its 1-based row number in the file and its cells by column name.</summary>
public sealed record OrderFileRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string column) => Cells.TryGetValue(column, out var value) ? value.Trim() : "";
}

/// <summary>
/// Reads an order file, CSV or XLSX (first sheet), with a header row and one row per order line.
/// Columns (any case, _ optional): external_ref, customer, line, sku, quantity, uom,
/// requested_date, priority. Rows with the same external_ref form one order.
/// </summary>
public static class OrderFile
{
    public static readonly string[] Columns = ["external_ref", "customer", "line", "sku", "quantity", "uom", "requested_date", "priority"];
    public static readonly string[] Required = ["external_ref", "customer", "sku", "quantity"];

    public static (List<OrderFileRow> Rows, List<string> Errors) Read(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsv(path),
            ".xlsx" => ReadXlsx(path),
            _ => ([], [$"{Path.GetFileName(path)}: only .csv and .xlsx files can be imported."]),
        };
    }

    private static string Normalize(string header) => header.Trim().Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static Dictionary<string, string> ColumnNames() => Columns.ToDictionary(Normalize, c => c, StringComparer.Ordinal);

    private static List<string> CheckHeader(IEnumerable<string> header, out Dictionary<int, string> columnAt)
    {
        var known = ColumnNames();
        columnAt = [];
        var index = 0;
        foreach (var name in header)
        {
            if (known.TryGetValue(Normalize(name), out var column)) columnAt[index] = column;
            index++;
        }
        var present = columnAt.Values.ToHashSet(StringComparer.Ordinal);
        return [.. Required.Where(r => !present.Contains(r)).Select(r => $"row 1: the header has no '{r}' column (columns: {string.Join(", ", Columns)}).")];
    }

    private static (List<OrderFileRow>, List<string>) ReadCsv(string path)
    {
        using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        if (csv.FieldCount == 0) return ([], ["row 1: the file is empty; it needs a header row."]);
        var errors = CheckHeader(Enumerable.Range(0, csv.FieldCount).Select(csv.GetName), out var columnAt);
        var rows = new List<OrderFileRow>();
        while (errors.Count == 0 && csv.Read())
        {
            var cells = columnAt.ToDictionary(c => c.Value, c => c.Key < csv.RowFieldCount ? csv.GetString(c.Key) : "", StringComparer.Ordinal);
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            // Sylvan numbers rows one less than a spreadsheet does (the header is row 1 there).
            rows.Add(new OrderFileRow(csv.RowNumber + 1, cells));
        }
        return (rows, errors);
    }

    private static (List<OrderFileRow>, List<string>) ReadXlsx(string path)
    {
        var sheet = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (sheet.Count == 0) return ([], ["row 1: the sheet is empty; it needs a header row."]);
        var letters = sheet[0].Keys.ToList();
        var errors = CheckHeader(letters.Select(l => Convert.ToString(sheet[0][l], CultureInfo.InvariantCulture) ?? ""), out var columnAt);
        var rows = new List<OrderFileRow>();
        for (var r = 1; errors.Count == 0 && r < sheet.Count; r++)
        {
            var cells = columnAt.ToDictionary(c => c.Value, c => Cell(sheet[r].TryGetValue(letters[c.Key], out var v) ? v : null), StringComparer.Ordinal);
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new OrderFileRow(r + 1, cells));
        }
        return (rows, errors);
    }

    /// <summary>Spreadsheet cells come typed; dates become yyyy-MM-dd and numbers invariant text, as in a CSV.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
