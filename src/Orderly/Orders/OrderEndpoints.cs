using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Hosting;
using Orderly.Security;
using Orderly.Application.Orders;
using Orderly.Application.Paging;

namespace Orderly.Orders;

/// <summary>Order capture (one path for every channel), search, detail, decisions, cancellation and credit release.</summary>
public static class OrderEndpoints
{
    public const int MaxBatch = 1000;

    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        orders.MapPost("/", Capture).RequireAuthorization(Permissions.OrdersCapture).RequireRateLimiting(CaptureLimits.Policy);
        orders.MapPost("/batch", Batch).RequireAuthorization(Permissions.OrdersCapture).RequireRateLimiting(CaptureLimits.Policy);
        orders.MapGet("/", Search).RequireAuthorization(Permissions.OrdersRead);
        orders.MapGet("/{id}", Get).RequireAuthorization(Permissions.OrdersRead);
        orders.MapGet("/{id}/decisions", Decisions).RequireAuthorization(Permissions.OrdersRead);
        orders.MapOrderChangeEndpoints();
    }

    /// <summary>Captures one order: 201 when created, 200 with the original when (channel, externalRef) was seen before.</summary>
    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> Capture(
        CaptureOrderRequest request, [FromServices] Actor actor, OrderCapture capture, OrderReader reader, CancellationToken cancellationToken)
    {
        var outcome = await capture.SubmitAsync(request, actor, cancellationToken);
        if (!outcome.Succeeded) return outcome.Refusal.ToResult<Created<OrderResponse>, Ok<OrderResponse>>();
        var response = await reader.ResponseAsync(outcome.Value.Order, cancellationToken);
        return outcome.Value.Created ? TypedResults.Created($"/api/orders/{response.Id}", response) : TypedResults.Ok(response);
    }

    public sealed record BatchItemResult(int Index, string? ExternalRef, int Status, OrderResponse? Order, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record BatchResult(int Created, int Existing, int Rejected, IReadOnlyList<BatchItemResult> Results);

    /// <summary>Captures up to 1,000 orders; each is accepted or rejected on its own, with the same rules and messages as one.</summary>
    private static async Task<Results<Ok<BatchResult>, ValidationProblem>> Batch(
        CaptureOrderRequest[] requests, [FromServices] Actor actor, OrderCapture capture, OrderReader reader, CancellationToken cancellationToken)
    {
        if (requests.Length is 0 or > MaxBatch)
            return Problems.Validation("$", $"Send a JSON array of 1 to {MaxBatch} orders; this one has {requests.Length}.");
        var results = new List<BatchItemResult>(requests.Length);
        for (var index = 0; index < requests.Length; index++)
        {
            var request = requests[index];
            if (request is null)
            {
                results.Add(new BatchItemResult(index, null, 400, null, new Dictionary<string, string[]> { ["$"] = ["An order is required here."] }));
                continue;
            }
            var outcome = await capture.SubmitAsync(request, actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                var refusal = outcome.Refusal;
                results.Add(new BatchItemResult(index, request.ExternalRef, refusal.StatusCode(), null,
                    refusal.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [refusal.Field ?? "$"] = [refusal.Detail] }));
                continue;
            }
            results.Add(new BatchItemResult(index, request.ExternalRef, outcome.Value.Created ? 201 : 200, await reader.ResponseAsync(outcome.Value.Order, cancellationToken), null));
        }
        return TypedResults.Ok(new BatchResult(results.Count(r => r.Status == 201), results.Count(r => r.Status == 200), results.Count(r => r.Status >= 400), results));
    }

    /// <summary>Searches orders by number, customer, external reference, status and channel, newest first.</summary>
    private static async Task<Results<Ok<OrderPage>, ValidationProblem>> Search(
        [FromServices] Actor actor, OrderReader reader, string? number, string? customer, string? externalRef, string? status, string? channel,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PageRequest.Parse(page, pageSize, errors) is not { } paging) return Problems.Validation(errors);
        var filters = new List<Func<IQueryable<Order>, IQueryable<Order>>>();
        if (!string.IsNullOrWhiteSpace(number)) filters.Add(q => q.Where(o => o.Number == number.Trim().ToUpperInvariant()));
        if (!string.IsNullOrWhiteSpace(customer)) filters.Add(q => q.Where(o => o.CustomerAccount == customer.Trim().ToUpperInvariant()));
        if (!string.IsNullOrWhiteSpace(externalRef)) filters.Add(q => q.Where(o => o.ExternalRef == externalRef.Trim()));
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = Enum.GetValues<OrderStatus>().Where(s => OrderResponse.Code(s) == status.Trim().ToLowerInvariant()).ToList();
            if (wanted.Count == 0)
                return Problems.Validation("status", $"'{status}' is not an order status; use one of: {string.Join(", ", Enum.GetValues<OrderStatus>().Select(OrderResponse.Code))}.");
            var value = wanted[0];
            filters.Add(q => q.Where(o => o.Status == value));
        }
        if (!string.IsNullOrWhiteSpace(channel))
        {
            if (!Enum.TryParse<OrderChannel>(channel.Trim(), true, out var parsed) || int.TryParse(channel, out _))
                return Problems.Validation("channel", $"'{channel}' is not a channel; use one of: api, edi, portal, phone, upload.");
            filters.Add(q => q.Where(o => o.Channel == parsed));
        }
        var visible = await reader.VisibleOrdersAsync(actor, cancellationToken);
        return TypedResults.Ok(await reader.SearchAsync(visible, q => filters.Aggregate(q, (current, apply) => apply(current)), paging, cancellationToken));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, [FromServices] Actor actor, OrderReader reader, CancellationToken cancellationToken)
    {
        var order = await reader.FindAsync(id, actor, cancellationToken);
        return order is null ? Problems.NotFound($"There is no order '{id}' that you may see.") : TypedResults.Ok(await reader.ResponseAsync(order, cancellationToken));
    }

    /// <summary>Every decision the engine made about the order, oldest first, with the policy value and scope behind it.</summary>
    private static async Task<Results<Ok<IReadOnlyList<DecisionResponse>>, ProblemHttpResult>> Decisions(
        string id, [FromServices] Actor actor, OrderReader reader, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var order = await reader.FindAsync(id, actor, cancellationToken);
        if (order is null) return Problems.NotFound($"There is no order '{id}' that you may see.");
        var decisions = await db.OrderDecisions.AsNoTracking().Where(d => d.OrderId == order.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        IReadOnlyList<DecisionResponse> response = decisions.Select(d => new DecisionResponse(d.LineNumber, d.At, d.Outcome, d.PolicyKey, d.PolicyValue,
            d.Scope.ToString().ToLowerInvariant(), d.ScopeValue, d.PolicyVersion, d.ApprovedBy, d.Explanation)).ToList();
        return TypedResults.Ok(response);
    }
}
