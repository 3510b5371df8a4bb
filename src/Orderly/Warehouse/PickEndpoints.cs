using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Allocation;
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

namespace Orderly.Warehouse;

/// <summary>Confirming a pick task over the API; the rules live in <see cref="PickConfirmation"/>.</summary>
public static class PickEndpoints
{
    public static void MapPickEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/pick-tasks/{id:long}/confirm", Confirm).WithTags("Warehouse").RequireAuthorization(Permissions.Pick);

    private static async Task<Results<Ok<PickTaskResponse>, ValidationProblem, ProblemHttpResult>> Confirm(
        long id, ConfirmPickRequest request, ClaimsPrincipal user, PickConfirmation confirmation, CancellationToken cancellationToken)
    {
        var (task, refusal) = await confirmation.ConfirmAsync(id, request.Quantity, user, cancellationToken);
        return task is not null ? TypedResults.Ok(task) : refusal!.ToResult<Ok<PickTaskResponse>>();
    }
}
