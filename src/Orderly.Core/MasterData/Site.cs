using Orderly.Core.Definitions;
using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>A physical place that holds stock: a DC or a branch, in a region and a time zone.</summary>
public sealed class Site
{
    public const int CodeMaxLength = 20;

    private Site() { }

    public Site(string code, SiteDetails details)
    {
        Code = code;
        Apply(details);
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public SiteKind Kind { get; private set; }
    public string Region { get; private set; } = "";

    /// <summary>An IANA time-zone id, e.g. <c>America/Chicago</c>: the site's business day is counted in it.</summary>
    public string TimeZone { get; private set; } = "";

    public Gln? Gln { get; private set; }

    public SiteDetails Details => new(Name, Kind, Region, TimeZone, Gln);

    public void Update(SiteDetails details) => Apply(details);

    private void Apply(SiteDetails details)
    {
        Name = details.Name;
        Kind = details.Kind;
        Region = details.Region;
        TimeZone = details.TimeZone;
        Gln = details.Gln;
    }
}

/// <summary>Everything about a site except its code.</summary>
public sealed record SiteDetails(string Name, SiteKind Kind, string Region, string TimeZone, Gln? Gln)
{
    public void Validate(FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
            errors.Add("name", "A name of 1 to 100 characters is required.");
        if (string.IsNullOrWhiteSpace(Region) || Region.Length > 50)
            errors.Add("region", "A region of 1 to 50 characters is required.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
            errors.Add("timeZone", $"'{TimeZone}' is not a known IANA time zone such as America/Chicago.");
    }
}
