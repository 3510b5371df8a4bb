using System.Globalization;

namespace Orderly.Application.Import;

/// <summary>
/// The errors of one import file, each tied to a row (as a spreadsheet numbers it, the header
/// being row 1) and, where it has one, a column. A file with a million bad rows must not print a
/// million lines, so only the first <see cref="Kept"/> are kept; all of them are counted.
/// </summary>
public sealed class ImportErrors
{
    public const int Kept = 1000;

    private readonly List<(int Row, string Text)> _kept = [];

    public int Count { get; private set; }

    public bool IsEmpty => Count == 0;

    /// <summary>An error of the whole file, such as one already imported; it is listed first.</summary>
    public void Add(string message)
    {
        Count++;
        _kept.Add((0, message));
    }

    public void Add(int row, string? column, string message)
    {
        Count++;
        if (_kept.Count < Kept)
            _kept.Add((row, column is null ? $"row {row}: {message}" : $"row {row}, column {column}: {message}"));
    }

    /// <summary>The kept errors in row order, at most <paramref name="limit"/>, then a line counting the rest.</summary>
    public IEnumerable<string> Lines(int limit = 100)
    {
        var shown = _kept.OrderBy(e => e.Row).Take(limit).Select(e => e.Text).ToList();
        foreach (var line in shown) yield return line;
        if (Count > shown.Count)
            yield return string.Create(CultureInfo.InvariantCulture, $"... and {Count - shown.Count} more errors.");
    }
}
