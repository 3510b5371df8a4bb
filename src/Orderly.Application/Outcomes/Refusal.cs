using Orderly.Core.Validation;

namespace Orderly.Application.Outcomes;

/// <summary>Why a command was refused, in kinds that the API and the pages each translate in one place.</summary>
public enum RefusalKind
{
    /// <summary>The input is wrong (the API answers 400 with field errors).</summary>
    Invalid,

    /// <summary>The record does not exist, or is outside the caller's sites, which answers the same (404).</summary>
    NotFound,

    /// <summary>The caller may not do this here (403).</summary>
    Forbidden,

    /// <summary>The record's state does not allow it now (409).</summary>
    Conflict,
}

/// <summary>
/// A refused command: its kind, a stable problem type (<c>insufficient-stock</c>), a sentence a
/// person can act on, and the field errors when the input is to blame. It knows nothing of HTTP.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Type, string Detail, string? Field = null, FieldErrors? Errors = null)
{
    public const string ValidationDetail = "One or more fields are invalid; see errors.";

    public static Refusal Invalid(FieldErrors errors) => new(RefusalKind.Invalid, "validation", ValidationDetail, Errors: errors);
    public static Refusal Invalid(string field, string detail) => new(RefusalKind.Invalid, "validation", detail, field);
    public static Refusal NotFound(string detail) => new(RefusalKind.NotFound, "not-found", detail);
    public static Refusal Forbidden(string detail) => new(RefusalKind.Forbidden, "forbidden", detail);
    public static Refusal Conflict(string type, string detail) => new(RefusalKind.Conflict, type, detail);

    /// <summary>
    /// The refusal for a site outside the caller's scope. It is the same whether or not the site
    /// exists, so a scoped caller learns nothing about sites it may not see.
    /// </summary>
    public static Refusal SiteOutOfScope(string siteCode) => Forbidden($"Site '{siteCode}' is outside the sites you may act on.");

    /// <summary>The refusal in one line, as a page shows it beside the form.</summary>
    public string Message => Errors is { } errors ? errors.ToString() : Detail;
}
