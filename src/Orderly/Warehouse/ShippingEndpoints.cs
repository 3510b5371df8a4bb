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

namespace Orderly.Warehouse;

/// <summary>Packing and shipping over the API; the rules live in <see cref="Shipping"/>.</summary>
public static class ShippingEndpoints
{
    /// <summary>The GS1 company prefix for SSCCs (the demo uses GS1's example prefix); set Orderly:Gs1CompanyPrefix.</summary>
    public const string DefaultCompanyPrefix = "0614141";

    public static void MapShippingEndpoints(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/sites/{site}").WithTags("Warehouse");
        site.MapPost("/containers", Pack).RequireAuthorization(Permissions.Pack);
        site.MapPost("/shipments", Ship).RequireAuthorization(Permissions.Ship);
    }

    private static async Task<Results<Created<ContainerResponse>, ValidationProblem, ProblemHttpResult>> Pack(
        string site, PackRequest request, ClaimsPrincipal user, Shipping shipping, CancellationToken cancellationToken)
    {
        var (container, refusal) = await shipping.PackAsync(site, request, user, cancellationToken);
        return container is not null
            ? TypedResults.Created($"/api/orders/{container.Order}", container)
            : refusal!.ToResult<Created<ContainerResponse>>();
    }

    private static async Task<Results<Created<ShipmentResponse>, ValidationProblem, ProblemHttpResult>> Ship(
        string site, ShipRequest request, ClaimsPrincipal user, Shipping shipping, CancellationToken cancellationToken)
    {
        var (shipment, refusal) = await shipping.ShipAsync(site, request, user, cancellationToken);
        return shipment is not null
            ? TypedResults.Created($"/api/orders/{shipment.Order}", shipment)
            : refusal!.ToResult<Created<ShipmentResponse>>();
    }
}
