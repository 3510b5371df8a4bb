using Orderly.Core.Definitions;
using Orderly.Core.MasterData;
using Orderly.Core.Validation;

namespace Orderly.MasterData;

public sealed record SiteResponse(string Code, string Name, SiteKind Kind, string Region, string TimeZone, string? Gln)
{
    public static SiteResponse From(Site site) => new(site.Code, site.Name, site.Kind, site.Region, site.TimeZone, site.Gln?.Value);
}

/// <summary>A site as a client sends it. <c>kind</c> is <c>dc</c> or <c>branch</c>. On an update, an omitted field keeps its value.</summary>
public sealed record SiteRequest(string? Code, string? Name, string? Kind, string? Region, string? TimeZone, string? Gln)
{
    public string? Key => Code?.Trim().ToUpperInvariant();

    public (string Code, SiteDetails Details)? Parse(FieldErrors errors, SiteDetails? existing = null)
    {
        if (!BusinessCode.TryParse(Code, "site code", Site.CodeMaxLength, out var code, out var codeError))
            errors.Add("code", codeError);
        var kind = Kind?.Trim().ToLowerInvariant() switch
        {
            "dc" => SiteKind.Dc,
            "branch" => SiteKind.Branch,
            null when existing is not null => existing.Kind,
            _ => (SiteKind?)null,
        };
        if (kind is null) errors.Add("kind", $"'{Kind}' is not a site kind; use dc or branch.");
        var gln = Gln is null ? existing?.Gln
            : string.IsNullOrWhiteSpace(Gln) ? null : errors.Check<Gln>("gln", Gln, Core.Definitions.Gln.TryParse);
        var details = new SiteDetails(Name?.Trim() ?? existing?.Name ?? "", kind ?? SiteKind.Branch, Region?.Trim() ?? existing?.Region ?? "",
            TimeZone?.Trim() ?? existing?.TimeZone ?? "", gln);
        details.Validate(errors);
        return errors.IsEmpty ? (code, details) : null;
    }
}
