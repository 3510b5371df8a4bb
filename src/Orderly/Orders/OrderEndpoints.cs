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
        CaptureOrderRequest request, ClaimsPrincipal user, OrderIntake intake, OrderCapture capture, OrderReader reader, CancellationToken cancellationToken)
    {
        var (draft, errors) = await intake.ValidateAsync(request, user, cancellationToken);
        if (draft is null) return Problems.Validation(errors, "The order was not captured; see errors.");
        var result = await capture.CaptureAsync(draft, user.Actor(), cancellationToken);
        if (result.Order is null) return Problems.Conflict("external-ref-taken", ExternalRefTaken(draft));
        var response = await reader.ResponseAsync(result.Order, cancellationToken);
        return result.Created ? TypedResults.Created($"/api/orders/{response.Id}", response) : TypedResults.Ok(response);
    }

    public sealed record BatchItemResult(int Index, string? ExternalRef, int Status, OrderResponse? Order, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record BatchResult(int Created, int Existing, int Rejected, IReadOnlyList<BatchItemResult> Results);

    /// <summary>Captures up to 1,000 orders; each is accepted or rejected on its own, with the same rules and messages as one.</summary>
    private static async Task<Results<Ok<BatchResult>, ValidationProblem>> Batch(
        CaptureOrderRequest[] requests, ClaimsPrincipal user, OrderIntake intake, OrderCapture capture, OrderReader reader, CancellationToken cancellationToken)
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
            var (draft, errors) = await intake.ValidateAsync(request, user, cancellationToken);
            if (draft is null)
            {
                results.Add(new BatchItemResult(index, request.ExternalRef, 400, null, errors.ToDictionary()));
                continue;
            }
            var result = await capture.CaptureAsync(draft, user.Actor(), cancellationToken);
            if (result.Order is null)
            {
                results.Add(new BatchItemResult(index, request.ExternalRef, 409, null, new Dictionary<string, string[]> { ["externalRef"] = [ExternalRefTaken(draft)] }));
                continue;
            }
            results.Add(new BatchItemResult(index, request.ExternalRef, result.Created ? 201 : 200, await reader.ResponseAsync(result.Order, cancellationToken), null));
        }
        return TypedResults.Ok(new BatchResult(results.Count(r => r.Status == 201), results.Count(r => r.Status == 200), results.Count(r => r.Status >= 400), results));
    }

    public static string ExternalRefTaken(OrderDraft draft) =>
        $"Reference '{draft.ExternalRef}' on channel {draft.Channel.ToString().ToLowerInvariant()} belongs to another customer's order; use a reference of this customer's own.";

    public sealed record OrderSummary(long Id, string Number, string Status, string Channel, string ExternalRef, string Customer,
        string Priority, DateTimeOffset CreatedAt, int Lines);

    /// <summary>
    /// A page of orders. <c>Total</c> is exact when <c>TotalIsExact</c>; otherwise more than <c>Total</c>
    /// orders match (a search counts up to <see cref="OrderReader.ExactTotalUpTo"/>, or to the end of the page asked for).
    /// </summary>
    public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int PageNumber, int PageSize, int Total, bool TotalIsExact);

    /// <summary>Searches orders by number, customer, external reference, status and channel, newest first.</summary>
    private static async Task<Results<Ok<OrderPage>, ValidationProblem>> Search(
        ClaimsPrincipal user, OrderReader reader, string? number, string? customer, string? externalRef, string? status, string? channel,
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
        var visible = await reader.VisibleOrdersAsync(user, cancellationToken);
        return TypedResults.Ok(await reader.SearchAsync(visible, q => filters.Aggregate(q, (current, apply) => apply(current)), paging, cancellationToken));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, OrderReader reader, CancellationToken cancellationToken)
    {
        var order = await reader.FindAsync(id, user, cancellationToken);
        return order is null ? Problems.NotFound($"There is no order '{id}' that you may see.") : TypedResults.Ok(await reader.ResponseAsync(order, cancellationToken));
    }

    /// <summary>Every decision the engine made about the order, oldest first, with the policy value and scope behind it.</summary>
    private static async Task<Results<Ok<IReadOnlyList<DecisionResponse>>, ProblemHttpResult>> Decisions(
        string id, ClaimsPrincipal user, OrderReader reader, OrderlyDbContext db, CancellationToken cancellationToken)
    {
        var order = await reader.FindAsync(id, user, cancellationToken);
        if (order is null) return Problems.NotFound($"There is no order '{id}' that you may see.");
        var decisions = await db.OrderDecisions.AsNoTracking().Where(d => d.OrderId == order.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        IReadOnlyList<DecisionResponse> response = decisions.Select(d => new DecisionResponse(d.LineNumber, d.At, d.Outcome, d.PolicyKey, d.PolicyValue,
            d.Scope.ToString().ToLowerInvariant(), d.ScopeValue, d.PolicyVersion, d.ApprovedBy, d.Explanation)).ToList();
        return TypedResults.Ok(response);
    }
}
