using Microsoft.AspNetCore.Http.HttpResults;

namespace Orderly.Api;

/// <summary>
/// Why a command was refused, in a form both the API (problem details) and the pages (a message
/// beside the form) can show. <see cref="Field"/> is set when one input is to blame.
/// </summary>
public sealed record Refusal(int Status, string Type, string Detail, string? Field = null)
{
    public static Refusal Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, "validation", detail, field);
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, "not-found", detail);
    public static Refusal Conflict(string type, string detail) => new(StatusCodes.Status409Conflict, type, detail);

    public Results<ValidationProblem, ProblemHttpResult> ToResult() => Field is { } field
        ? Problems.Validation(field, Detail)
        : TypedResults.Problem(Detail, statusCode: Status, title: Status == 404 ? "Not found" : "Conflict", type: Problems.TypePrefix + Type);
}
