using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Exceptions;
using Orderly.Core.Inventory;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Events;
using Orderly.Orders;
using Orderly.Security;
using Orderly.Application.Warehouse;

namespace Orderly.Warehouse;

/// <summary>Confirming a pick task over the API; the rules live in <see cref="PickConfirmation"/>.</summary>
public static class PickEndpoints
{
    public static void MapPickEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/pick-tasks/{id:long}/confirm", Confirm).WithTags("Warehouse").RequireAuthorization(Permissions.Pick);

    private static async Task<Results<Ok<PickTaskResponse>, ValidationProblem, ProblemHttpResult>> Confirm(
        long id, ConfirmPickRequest request, [FromServices] Actor actor, PickConfirmation confirmation, CancellationToken cancellationToken)
    {
        var outcome = await confirmation.ConfirmAsync(id, request.Quantity, actor, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToResult<Ok<PickTaskResponse>>();
    }
}
