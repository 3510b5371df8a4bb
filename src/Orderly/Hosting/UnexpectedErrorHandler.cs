using Orderly.Application.Allocation;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Data.Storage;

namespace Orderly.Hosting;

/// <summary>
/// Turns exceptions into problem details. A request the framework could not read (bad JSON, a
/// body over the limit) is the caller's error and says where; a unique-key race is a 409; all
/// else is a 500 that carries the correlation id and never a stack trace.
/// </summary>
public sealed partial class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Type = Problems.TypePrefix + "changed-meanwhile",
                Detail = "Another request changed this record at the same moment (for example, confirmed the same pick task); nothing of yours was saved. Reload it.",
            },
            DbUpdateException db when DatabaseErrors.IsUniqueViolation(db) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Type = Problems.TypePrefix + "duplicate-key",
                Detail = "Another record already has one of these unique values (SKU, GTIN, GLN, code or account number), or one was saved at the same moment; nothing of yours was saved.",
            },
            _ when exception is AllocationRaceException || DatabaseErrors.IsDeadlockOrSerializationFailure(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Busy",
                Type = Problems.TypePrefix + "concurrency-conflict",
                Detail = "Another request changed the same stock at the same moment; nothing of yours was saved. Send the request again.",
            },
            _ => null,
        };
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Type = Problems.TypePrefix + "unexpected",
                Detail = "Something went wrong on our side and nothing was saved. Quote the correlation id when you report it.",
            };
        }
        else
        {
            logger.LogInformation("Rejected {Method} {Path}: {Detail}", context.Request.Method, context.Request.Path, problem.Detail);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = 413,
                Title = "Request body too large",
                Type = Problems.TypePrefix + "body-too-large",
                Detail = $"The request body is larger than the limit of {ServerLimits.MaxRequestBodyBytes / 1024 / 1024} MiB; split it into smaller requests.",
            };
        }
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"Not valid here{where}: {FirstSentence(json.Message)}"],
            })
            {
                Status = 400,
                Title = "The request body is not valid JSON for this request",
                Type = Problems.TypePrefix + "malformed-json",
                Detail = $"The body could not be read at {json.Path ?? "$"}{where}.",
            };
            return problem;
        }
        // The type follows from the status (see the problem details customisation).
        return new ProblemDetails { Status = bad.StatusCode, Detail = bad.Message };
    }

    /// <summary>The JSON reader's message without its location suffix and without .NET type names.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var sentence = cut > 0 ? message[..cut] : message;
        return TypeName().Replace(sentence, "is not of the type this field takes");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to [\w.`\[\], ]+?(?=\.?$)")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

}
