using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.MasterData;

public sealed record LocationResponse(string Site, string Code, LocationKind Kind, string Description, int PickSequence, bool Active)
{
    public static LocationResponse From(string siteCode, Location location) =>
        new(siteCode, location.Code, location.Kind, location.Description, location.PickSequence, location.Active);
}

/// <summary>A location as a client sends it. <c>kind</c> is <c>bin</c>, <c>zone</c>, <c>staging</c> or <c>dock</c>. On an update, an omitted field keeps its value.</summary>
public sealed record LocationRequest(string? Code, string? Kind, string? Description, int? PickSequence, bool? Active)
{
    public string? Key => Code?.Trim().ToUpperInvariant();

    public (string Code, LocationDetails Details)? Parse(FieldErrors errors, LocationDetails? existing = null)
    {
        if (!BusinessCode.TryParse(Code, "location code", Location.CodeMaxLength, out var code, out var codeError))
            errors.Add("code", codeError);
        LocationKind? kind = Kind?.Trim().ToLowerInvariant() switch
        {
            "bin" => LocationKind.Bin,
            "zone" => LocationKind.Zone,
            "staging" => LocationKind.Staging,
            "dock" => LocationKind.Dock,
            null when existing is not null => existing.Kind,
            _ => null,
        };
        if (kind is null) errors.Add("kind", $"'{Kind}' is not a location kind; use bin, zone, staging or dock.");
        var details = new LocationDetails(kind ?? LocationKind.Bin, Description?.Trim() ?? existing?.Description ?? "",
            PickSequence ?? existing?.PickSequence ?? 0, Active ?? existing?.Active ?? true);
        details.Validate(errors);
        return errors.IsEmpty ? (code, details) : null;
    }
}
