using System.Globalization;
using System.Text;
using Orderly.Core.MasterData;

namespace Orderly.Application.Import;

/// <summary>
/// The typed cells of master-data files: flags, numbers and small lists written as a person would
/// type them in a spreadsheet. An empty cell is a value not given (null); a cell that does not
/// parse records an error for its row and column.
/// </summary>
internal static class CellValues
{
    public static bool? Flag(ImportFile file, string column, int row, ImportErrors errors)
    {
        var text = file.Given(column);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "y" or "1": return true;
            case "false" or "no" or "n" or "0": return false;
            default:
                errors.Add(row, column, $"'{text}' is not true or false (also yes/no, 1/0).");
                return null;
        }
    }

    public static decimal? Number(ImportFile file, string column, int row, ImportErrors errors)
    {
        var text = file.Given(column);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(row, column, $"'{text}' is not a number (use a dot for decimals).");
        return null;
    }

    public static int? WholeNumber(ImportFile file, string column, int row, ImportErrors errors)
    {
        var text = file.Given(column);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(row, column, $"'{text}' is not a whole number.");
        return null;
    }

    /// <summary>Unit conversions as <c>CS=12;PL=480</c>: each packaging unit and the base units one of it holds.</summary>
    public static List<UnitConversion>? Conversions(ImportFile file, string column, int row, ImportErrors errors)
    {
        var text = file.Given(column);
        if (text is null) return null;
        var conversions = new List<UnitConversion>();
        foreach (var part in List(text))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && decimal.TryParse(part[(equals + 1)..].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var factor))
                conversions.Add(new UnitConversion(part[..equals].Trim(), factor));
            else
            {
                errors.Add(row, column, $"'{part}' is not UNIT=FACTOR; write the conversions as CS=12;PL=480.");
                return null;
            }
        }
        return conversions;
    }

    /// <summary>Values separated by semicolons (<c>BRG-10001;BRG-10002</c>); empty entries are dropped.</summary>
    public static List<string> List(string text) =>
        [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The file column an API field error concerns: <c>conversions[1].factor</c> is <c>conversions</c>, <c>baseUnit</c> is <c>base_unit</c>.</summary>
    public static string ColumnOf(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        var name = end < 0 ? field : field[..end];
        var snake = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c)) snake.Append('_').Append(char.ToLowerInvariant(c));
            else snake.Append(c);
        }
        return snake.ToString();
    }
}
