using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Core.Validation;

namespace Orderly.Api;

/// <summary>
/// Why a command was refused, in a form both the API (problem details) and the pages (a message
/// beside the form) can show. <see cref="Field"/> is set when one input is to blame.
/// </summary>
public sealed record Refusal(int Status, string Type, string Detail, string? Field = null, FieldErrors? Errors = null)
{
    public static Refusal Invalid(FieldErrors errors) => new(StatusCodes.Status400BadRequest, "validation", "One or more fields are invalid; see errors.", Errors: errors);
    public static Refusal Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, "validation", detail, field);
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, "not-found", detail);
    public static Refusal Conflict(string type, string detail) => new(StatusCodes.Status409Conflict, type, detail);

    /// <summary>The refusal as the problem an endpoint answers with, in the endpoint's own result union.</summary>
    public Results<TOk, ValidationProblem, ProblemHttpResult> ToResult<TOk>() where TOk : IResult
    {
        if (Errors is { } errors) return Problems.Validation(errors);
        if (Field is { } field) return Problems.Validation(field, Detail);
        return TypedResults.Problem(Detail, statusCode: Status, title: Status switch { 403 => "Forbidden", 404 => "Not found", _ => "Conflict" },
            type: Problems.TypePrefix + Type);
    }
}
