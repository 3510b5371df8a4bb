namespace Orderly.Core.Validation;

/// <summary>
/// Collects validation messages keyed by the field they concern (a JSON path such as
/// <c>lines[2].quantity</c>, or a file column), so every invalid field is reported at once.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    /// <summary>Parses <paramref name="text"/> with <paramref name="parse"/>, recording its error under <paramref name="field"/>.</summary>
    public T? Check<T>(string field, string? text, Parser<T> parse) where T : struct
    {
        if (parse(text, out var value, out var error)) return value;
        Add(field, error);
        return null;
    }

    public void Merge(string prefix, FieldErrors other)
    {
        foreach (var (field, messages) in other._errors)
            foreach (var message in messages)
                Add(prefix + field, message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}

/// <summary>The shape every value type's parser has: a value, or a message saying what is wrong.</summary>
public delegate bool Parser<T>(string? text, out T value, out string error);
