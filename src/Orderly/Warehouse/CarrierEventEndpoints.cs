using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orderly.Api;
using Orderly.Core.Events;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Data.Storage;
using Orderly.Data.Warehouse;
using Orderly.Events;
using Orderly.Application.Events;

namespace Orderly.Warehouse;

/// <summary>A tracking event as a carrier posts it.</summary>
public sealed record CarrierEventRequest(string? Carrier, string? TrackingNumber, string? Type, DateTimeOffset? OccurredAt);

public sealed record CarrierEventResult(string EventId, bool Duplicate, bool Applied, string ShipmentStatus);

/// <summary>
/// <c>POST /api/carrier-events</c>: tracking events signed per carrier (Standard Webhooks). The
/// signature is the authentication, so the endpoint takes no token. Idempotent by event id;
/// tolerant of order (an older event does not undo a newer one; delivered is final).
/// </summary>
public static class CarrierEventEndpoints
{
    private static readonly Dictionary<string, ShipmentStatus> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["picked-up"] = ShipmentStatus.PickedUp,
        ["in-transit"] = ShipmentStatus.InTransit,
        ["delivered"] = ShipmentStatus.Delivered,
        ["exception"] = ShipmentStatus.Exception,
    };

    public static void MapCarrierEventEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/carrier-events", Receive).WithTags("Carrier events").AllowAnonymous();

    private static async Task<Results<Ok<CarrierEventResult>, ValidationProblem, ProblemHttpResult>> Receive(
        HttpRequest http, OrderlyDbContext db, EventLog events, IConfiguration configuration, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Orderly.CarrierEvents");
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        CarrierEventRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CarrierEventRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return Problems.Validation("$", $"The body is not a carrier event in JSON: {exception.Message.Split(" Path:")[0]}");
        }
        var carrier = request?.Carrier?.Trim().ToUpperInvariant() ?? "";
        var secret = carrier.Length == 0 ? null : configuration[$"Carriers:{carrier}:Secret"];
        var eventId = http.Headers["webhook-id"].ToString();
        if (secret is null)
        {
            logger.LogWarning("Refused carrier event {EventId}: unknown carrier {Carrier}", eventId, carrier);
            return Unauthorized($"'{carrier}' is not a carrier Orderly has a signing secret for.");
        }
        if (WebhookSignature.Check(secret, eventId, http.Headers["webhook-timestamp"], http.Headers["webhook-signature"], body, clock.GetUtcNow()) is { } refusal)
        {
            logger.LogWarning("Refused carrier event {EventId} from {Carrier}: {Reason}", eventId, carrier, refusal);
            return Unauthorized(refusal);
        }

        var tracking = request!.TrackingNumber?.Trim() ?? "";
        if (request.Type is null || !Types.TryGetValue(request.Type, out var status))
            return Problems.Validation("type", $"'{request.Type}' is not an event type; use picked-up, in-transit, delivered or exception.");
        if (request.OccurredAt is not { } occurredAt) return Problems.Validation("occurredAt", "When it happened is required (ISO 8601 with offset).");
        if (eventId.Length > 100) return Problems.Validation("webhook-id", "An event id has at most 100 characters.");

        if (await db.CarrierEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Carrier == carrier && e.EventId == eventId, cancellationToken) is { } seen)
            return TypedResults.Ok(new CarrierEventResult(eventId, Duplicate: true, seen.Applied, await StatusOfAsync(db, carrier, tracking, cancellationToken)));

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.Carrier == carrier && s.TrackingNumber == tracking, cancellationToken);
        if (shipment is null)
        {
            logger.LogWarning("Refused carrier event {EventId} from {Carrier}: unknown tracking number {TrackingNumber}", eventId, carrier, tracking);
            return Problems.NotFound($"No shipment has {carrier} tracking number '{tracking}'.");
        }
        var applied = shipment.Apply(status, occurredAt.ToUniversalTime());
        db.CarrierEvents.Add(new CarrierEventRecord
        {
            Carrier = carrier, EventId = eventId, TrackingNumber = tracking, Type = request.Type.ToLowerInvariant(),
            OccurredAt = occurredAt.ToUniversalTime(), ReceivedAt = clock.GetUtcNow(), Applied = applied,
        });
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == shipment.SiteId).Select(s => s.Code).SingleAsync(cancellationToken);
        events.Append(EventTypes.ShipmentTracked, "shipment", $"{carrier}/{tracking}",
            new { eventId, type = request.Type.ToLowerInvariant(), occurredAt, applied, status = StatusCode(shipment.Status) }, shipment.OrderId, site);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await events.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // The same event delivered twice at once: the other delivery recorded it.
            return TypedResults.Ok(new CarrierEventResult(eventId, Duplicate: true, Applied: false, await StatusOfAsync(db, carrier, tracking, cancellationToken)));
        }
        return TypedResults.Ok(new CarrierEventResult(eventId, Duplicate: false, applied, StatusCode(shipment.Status)));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed", type: Problems.TypePrefix + "bad-signature");

    private static async Task<string> StatusOfAsync(OrderlyDbContext db, string carrier, string tracking, CancellationToken cancellationToken) =>
        StatusCode(await db.Shipments.AsNoTracking().Where(s => s.Carrier == carrier && s.TrackingNumber == tracking)
            .Select(s => s.Status).SingleOrDefaultAsync(cancellationToken));

    public static string StatusCode(ShipmentStatus status) => status switch
    {
        ShipmentStatus.Shipped => "shipped",
        ShipmentStatus.PickedUp => "picked-up",
        ShipmentStatus.InTransit => "in-transit",
        ShipmentStatus.Delivered => "delivered",
        ShipmentStatus.Exception => "exception",
    };
}
