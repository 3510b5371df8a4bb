using System.Security.Cryptography;
using Sylvan.Data.Csv;

namespace Orderly.Application.Import;

/// <summary>
/// An import file being read: a CSV with a header row naming its columns (any case; <c>_</c> and
/// spaces optional), one record per row. An unknown or repeated column is refused rather than
/// ignored, so a misspelt header cannot silently drop a column of a migration.
/// </summary>
public sealed class ImportFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly CsvDataReader _csv;
    /// <summary>Where each of the import's columns is in the file (-1: not there), by name: every cell read looks its column up.</summary>
    private readonly Dictionary<string, int> _positions;

    private ImportFile(FileStream stream, CsvDataReader csv, Dictionary<string, int> positions) =>
        (_stream, _csv, _positions) = (stream, csv, positions);

    /// <summary>What a file with a header and no rows is told (row 2 is where the first row would be).</summary>
    public const string NoRows = "the file has a header but no rows; there is nothing to import.";

    /// <summary>
    /// Opens the file, reads every row with <paramref name="read"/> and closes it; null (with the
    /// reasons in <paramref name="errors"/>) when the file is unusable or has no rows.
    /// </summary>
    public static List<T>? ReadAll<T>(string path, IReadOnlyList<string> columns, IReadOnlyList<string> required, ImportErrors errors,
        Func<ImportFile, ImportErrors, List<T>> read)
    {
        List<T> rows;
        using (var file = Open(path, columns, required, errors))
        {
            if (file is null) return null;
            rows = read(file, errors);
        }
        if (rows.Count > 0) return rows;
        errors.Add(2, null, NoRows);
        return null;
    }

    /// <summary>Opens <paramref name="path"/> and checks its header; null (with the reasons in <paramref name="errors"/>) when it is unusable.</summary>
    public static ImportFile? Open(string path, IReadOnlyList<string> columns, IReadOnlyList<string> required, ImportErrors errors)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        CsvDataReader? csv = null;
        try
        {
            try
            {
                csv = CsvDataReader.Create(new StreamReader(stream), new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16 });
            }
            catch (CsvMissingHeadersException)
            {
                // Sylvan's word for a file with nothing in it, not even a header.
            }
            if (csv is null || csv.FieldCount == 0)
            {
                errors.Add(1, null, "the file is empty; it needs a header row naming its columns.");
                return Dispose(csv, stream);
            }
            var known = columns.ToDictionary(Normalize, c => c, StringComparer.Ordinal);
            var index = new int[columns.Count];
            Array.Fill(index, -1);
            var list = string.Join(", ", columns);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var name = csv.GetName(i);
                if (!known.TryGetValue(Normalize(name), out var column))
                {
                    if (!string.IsNullOrWhiteSpace(name)) errors.Add(1, null, $"'{name}' is not a column of this file (columns: {list}).");
                    continue;
                }
                var position = IndexOf(columns, column);
                if (index[position] >= 0) errors.Add(1, null, $"the column '{column}' appears twice.");
                else index[position] = i;
            }
            foreach (var column in required.Where(c => index[IndexOf(columns, c)] < 0))
                errors.Add(1, null, $"the header has no '{column}' column (columns: {list}).");
            var positions = columns.Select((column, i) => (column, index[i])).ToDictionary(p => p.column, p => p.Item2, StringComparer.Ordinal);
            return errors.IsEmpty ? new ImportFile(stream, csv, positions) : Dispose(csv, stream);
        }
        catch
        {
            Dispose(csv, stream);
            throw;
        }
    }

    private static ImportFile? Dispose(CsvDataReader? csv, FileStream stream)
    {
        csv?.Dispose();
        stream.Dispose();
        return null;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i], column, StringComparison.Ordinal)) return i;
        throw new ArgumentException($"'{column}' is not one of the columns.", nameof(column));
    }

    private static string Normalize(string header) =>
        header.Trim().Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Where the file's column of that name is, or -1 when the file has none.</summary>
    public int Column(string column) =>
        _positions.TryGetValue(column, out var position) ? position : throw new ArgumentException($"'{column}' is not one of the columns.", nameof(column));

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read() => _csv.Read();

    /// <summary>The current record's row, as a spreadsheet numbers it (the header is row 1).</summary>
    public int Row => _csv.RowNumber + 1;

    /// <summary>The cell at <paramref name="column"/> (from <see cref="Column"/>), trimmed; empty when the file or the row has no such cell.</summary>
    public ReadOnlySpan<char> Cell(int column) =>
        column >= 0 && column < _csv.RowFieldCount ? _csv.GetFieldSpan(column).Trim() : [];

    /// <summary>The cell of the named column, trimmed; null when the file has no such column or the cell is empty (a value not given).</summary>
    public string? Given(string column) => Cell(Column(column)) is { IsEmpty: false } cell ? cell.ToString() : null;

    /// <summary>True when every cell of the current record is empty (a blank line, or a row of empty separators).</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < _csv.RowFieldCount; i++)
                if (!_csv.GetFieldSpan(i).IsWhiteSpace()) return false;
            return true;
        }
    }

    /// <summary>How far the reading has come through the file, 0 to 1, for a progress bar.</summary>
    public double Progress => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    public void Dispose()
    {
        _csv.Dispose();
        _stream.Dispose();
    }

    /// <summary>The SHA-256 of the file's bytes, in hex: the same file imported twice has the same one.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
