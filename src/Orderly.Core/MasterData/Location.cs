using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>
/// A place inside a site where stock sits (a bin, zone, staging lane or dock door), unique by
/// code within its site. <see cref="PickSequence"/> orders locations along the pick path.
/// </summary>
public sealed class Location
{
    public const int CodeMaxLength = 30;

    private Location() { }

    public Location(long siteId, string code, LocationDetails details)
    {
        SiteId = siteId;
        Code = code;
        Apply(details);
    }

    public long Id { get; private set; }
    public long SiteId { get; private set; }
    public Site? Site { get; private set; }
    public string Code { get; private set; } = "";
    public LocationKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public int PickSequence { get; private set; }
    public bool Active { get; private set; }

    public LocationDetails Details => new(Kind, Description, PickSequence, Active);

    public void Update(LocationDetails details) => Apply(details);

    private void Apply(LocationDetails details)
    {
        Kind = details.Kind;
        Description = details.Description;
        PickSequence = details.PickSequence;
        Active = details.Active;
    }
}

/// <summary>Everything about a location except its site and code.</summary>
public sealed record LocationDetails(LocationKind Kind, string Description, int PickSequence, bool Active)
{
    public void Validate(FieldErrors errors)
    {
        if (Description is { Length: > 100 })
            errors.Add("description", "A description has at most 100 characters.");
        if (PickSequence is < 0 or > 1_000_000)
            errors.Add("pickSequence", "The pick sequence is between 0 and 1,000,000.");
    }
}
