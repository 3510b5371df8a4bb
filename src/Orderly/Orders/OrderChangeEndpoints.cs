using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Core.Security;
using Orderly.Api;
using Orderly.Application.Orders;
using Orderly.Application.Outcomes;

namespace Orderly.Orders;

/// <summary>Changes to a captured order over the API; the rules live in <see cref="OrderChanges"/>.</summary>
public static class OrderChangeEndpoints
{
    public sealed record CancelRequest(string? Reason);

    public static void MapOrderChangeEndpoints(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{id}/cancel", CancelOrder).RequireAuthorization(Permissions.OrdersCancel);
        orders.MapPost("/{id}/lines/{line:int}/cancel", CancelLine).RequireAuthorization(Permissions.OrdersCancel);
        orders.MapPost("/{id}/release-credit-hold", ReleaseCreditHold).RequireAuthorization(Permissions.CreditRelease);
    }

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelOrder(
        string id, CancelRequest request, [FromServices] Actor actor, OrderChanges changes, OrderReader reader, CancellationToken cancellationToken) =>
        await Answer(await changes.CancelAsync(id, null, request.Reason, actor, cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelLine(
        string id, int line, CancelRequest request, [FromServices] Actor actor, OrderChanges changes, OrderReader reader, CancellationToken cancellationToken) =>
        await Answer(await changes.CancelAsync(id, line, request.Reason, actor, cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> ReleaseCreditHold(
        string id, CancelRequest request, [FromServices] Actor actor, OrderChanges changes, OrderReader reader, CancellationToken cancellationToken) =>
        await Answer(await changes.ReleaseCreditHoldAsync(id, request.Reason, actor, cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> Answer(
        Outcome<Core.Orders.Order> outcome, OrderReader reader, CancellationToken cancellationToken) =>
        outcome.Succeeded
            ? TypedResults.Ok(await reader.ResponseAsync(outcome.Value, cancellationToken))
            : outcome.Refusal.ToResult<Ok<OrderResponse>>();
}
