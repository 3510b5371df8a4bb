using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Core.Validation;

namespace Orderly.Api;

/// <summary>
/// The one place expected failures become RFC 9457 problem details. Each problem has a stable
/// <c>type</c> URI that clients can branch on, and a <c>detail</c> a person can act on.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:orderly:problem:";

    public static ValidationProblem Validation(FieldErrors errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail ?? "One or more fields are invalid; see errors.",
            type: TypePrefix + "validation");

    public static ValidationProblem Validation(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: TypePrefix + "not-found");

    public static ProblemHttpResult Conflict(string slug, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: TypePrefix + slug);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: TypePrefix + "forbidden");

    /// <summary>
    /// The answer for a site outside the caller's scope. It is the same whether or not the site
    /// exists, so a scoped caller learns nothing about sites it may not see.
    /// </summary>
    public static ProblemHttpResult SiteOutOfScope(string siteCode) =>
        Forbidden(Application.Outcomes.Refusal.SiteOutOfScope(siteCode).Detail);
}
