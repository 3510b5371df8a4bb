using Orderly.Application.Access;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Events;
using Orderly.Application.Warehouse;

namespace Orderly.Warehouse;

/// <summary>Packing and shipping over the API; the rules live in <see cref="Shipping"/>.</summary>
public static class ShippingEndpoints
{
    public static void MapShippingEndpoints(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/sites/{site}").WithTags("Warehouse");
        site.MapPost("/containers", Pack).RequireAuthorization(Permissions.Pack);
        site.MapPost("/shipments", Ship).RequireAuthorization(Permissions.Ship);
    }

    private static async Task<Results<Created<ContainerResponse>, ValidationProblem, ProblemHttpResult>> Pack(
        string site, PackRequest request, [FromServices] Actor actor, Shipping shipping, CancellationToken cancellationToken)
    {
        var outcome = await shipping.PackAsync(site, request, actor, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/orders/{outcome.Value.Order}", outcome.Value)
            : outcome.Refusal.ToResult<Created<ContainerResponse>>();
    }

    private static async Task<Results<Created<ShipmentResponse>, ValidationProblem, ProblemHttpResult>> Ship(
        string site, ShipRequest request, [FromServices] Actor actor, Shipping shipping, CancellationToken cancellationToken)
    {
        var outcome = await shipping.ShipAsync(site, request, actor, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/orders/{outcome.Value.Order}", outcome.Value)
            : outcome.Refusal.ToResult<Created<ShipmentResponse>>();
    }
}
