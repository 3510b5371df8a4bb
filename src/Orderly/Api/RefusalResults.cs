using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Application.Outcomes;

namespace Orderly.Api;

/// <summary>
/// The one place a refused command becomes an HTTP answer: an invalid input as a validation problem
/// (400) with its field errors, the other kinds as a problem with their status and stable type.
/// </summary>
public static class RefusalResults
{
    public static int StatusCode(this Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
    };

    /// <summary>The refusal as the problem an endpoint answers with, in the endpoint's own result union.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToResult<TOk>(this Refusal refusal) where TOk : IResult =>
        refusal.Kind == RefusalKind.Invalid ? Validation(refusal) : Problem(refusal);

    /// <summary>The same, for an endpoint with two successful answers (created, or found already there).</summary>
    public static Results<TOk1, TOk2, ValidationProblem, ProblemHttpResult> ToResult<TOk1, TOk2>(this Refusal refusal)
        where TOk1 : IResult where TOk2 : IResult =>
        refusal.Kind == RefusalKind.Invalid ? Validation(refusal) : Problem(refusal);

    private static ValidationProblem Validation(Refusal refusal) => refusal.Errors is { } errors
        ? Problems.Validation(errors, refusal.Detail)
        : Problems.Validation(refusal.Field ?? "$", refusal.Detail);

    private static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => Problems.NotFound(refusal.Detail),
        RefusalKind.Forbidden => Problems.Forbidden(refusal.Detail),
        _ => Problems.Conflict(refusal.Type, refusal.Detail),
    };
}
