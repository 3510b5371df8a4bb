namespace Orderly.Core.Security;

/// <summary>
/// The sites a user or token may see and act on: all of them, or a listed set of site codes.
/// Written as <c>*</c> or a comma-separated list of codes.
/// </summary>
public sealed record SiteScope
{
    private SiteScope(bool allSites, IReadOnlySet<string> codes)
    {
        AllSites = allSites;
        Codes = codes;
    }

    public static SiteScope All { get; } = new(true, new HashSet<string>(StringComparer.Ordinal));

    public bool AllSites { get; }

    /// <summary>The site codes in scope; empty when <see cref="AllSites"/>.</summary>
    public IReadOnlySet<string> Codes { get; }

    public static SiteScope Only(IEnumerable<string> codes) =>
        new(false, new HashSet<string>(codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0), StringComparer.Ordinal));

    public bool Includes(string siteCode) => AllSites || Codes.Contains(siteCode);

    /// <summary>The sites both scopes allow: a token never reaches further than its user.</summary>
    public SiteScope Intersect(SiteScope other) =>
        AllSites ? other
        : other.AllSites ? this
        : Only(Codes.Where(other.Codes.Contains));

    public static SiteScope Parse(string text) =>
        text.Trim() == "*" ? All : Only(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public override string ToString() => AllSites ? "*" : string.Join(',', Codes.Order(StringComparer.Ordinal));

    public bool Equals(SiteScope? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
