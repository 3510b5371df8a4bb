using System.Globalization;

namespace Orderly.LargeDb;

/// <summary>Command-line options as <c>--name value</c> pairs.</summary>
internal sealed class Options(IReadOnlyDictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
                throw new ArgumentException($"Expected --name value, got '{name}'.");
            values[name[2..]] = e.Current;
        }
        return new Options(values);
    }

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public long Long(string name, long fallback) => Optional(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
