using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orderly.Api;
using Orderly.Data;
using Orderly.Data.Storage;
using Orderly.Data.Idempotency;
using Orderly.Security;

namespace Orderly.Hosting;

/// <summary>
/// Makes any authenticated POST under /api idempotent when it carries an <c>Idempotency-Key</c>
/// header: the first request runs and its answer is stored; a repeat by the same caller with the
/// same key and body gets the stored answer (marked <c>Idempotent-Replayed: true</c>); the same key
/// with a different body is refused, and a repeat while the first is still running gets 409.
/// Failures (5xx) are not stored, so the client may retry them.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock, IProblemDetailsService problems)
    {
        string? key = context.Request.Headers[Header];
        if (key is null || !HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api")
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteProblemAsync(context, problems, 400, "bad-idempotency-key", $"An {Header} has 1 to {MaxKeyLength} characters.");
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: ServerLimits.MaxRequestBodyBytes);
        var hash = await HashAsync(context.Request);
        var caller = context.User.Actor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();

        var stored = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, context.RequestAborted);
        if (stored is not null)
        {
            await AnswerRepeatAsync(context, problems, stored, hash);
            return;
        }
        var record = new IdempotencyRecord { Caller = caller, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        db.IdempotencyKeys.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            await WriteProblemAsync(context, problems, 409, "idempotency-key-in-use", $"A request with {Header} '{key}' is still being processed; wait for its answer.");
            return;
        }

        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // A failure is not an answer: forget the key so the client can retry it.
            db.IdempotencyKeys.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode >= 500)
        {
            db.IdempotencyKeys.Remove(record);
        }
        else
        {
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Body = captured.ToArray();
        }
        await db.SaveChangesAsync(CancellationToken.None);
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task AnswerRepeatAsync(HttpContext context, IProblemDetailsService problems, IdempotencyRecord stored, string hash)
    {
        if (stored.RequestHash != hash)
        {
            await WriteProblemAsync(context, problems, 422, "idempotency-key-reused",
                $"{Header} '{stored.Key}' was already used for a different request; use a new key for a new request.");
            return;
        }
        if (stored.StatusCode is not { } status)
        {
            await WriteProblemAsync(context, problems, 409, "idempotency-key-in-use", $"A request with {Header} '{stored.Key}' is still being processed; wait for its answer.");
            return;
        }
        context.Response.StatusCode = status;
        if (stored.ContentType is not null) context.Response.ContentType = stored.ContentType;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(stored.Body ?? [], context.RequestAborted);
    }

    private static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, int status, string slug, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = "Idempotency key", Type = Problems.TypePrefix + slug, Detail = detail },
        });
    }
}
