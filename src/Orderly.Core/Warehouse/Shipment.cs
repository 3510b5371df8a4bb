namespace Orderly.Core.Warehouse;

/// <summary>Where a shipment stands with its carrier. Progress only moves forward; an exception can come at any point.</summary>
public enum ShipmentStatus
{
    Shipped = 0,
    PickedUp = 1,
    InTransit = 2,
    Delivered = 3,
    Exception = 9,
}

/// <summary>
/// Containers handed to a carrier under one tracking number. Carrier events may arrive late or
/// out of order: the status follows the latest event by the time it happened, and delivered is final.
/// </summary>
public sealed class Shipment
{
    private Shipment() { }

    public Shipment(long siteId, long orderId, string carrier, string service, string trackingNumber, DateTimeOffset shippedAt)
    {
        SiteId = siteId;
        OrderId = orderId;
        Carrier = carrier;
        Service = service;
        TrackingNumber = trackingNumber;
        ShippedAt = shippedAt;
        LastEventAt = shippedAt;
    }

    public long Id { get; private set; }
    public long SiteId { get; private set; }
    public long OrderId { get; private set; }
    public string Carrier { get; private set; } = "";
    public string Service { get; private set; } = "";
    public string TrackingNumber { get; private set; } = "";
    public ShipmentStatus Status { get; private set; }
    public DateTimeOffset ShippedAt { get; private set; }
    public DateTimeOffset LastEventAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Applies a carrier event; returns false when it is older than what is known and changes nothing.</summary>
    public bool Apply(ShipmentStatus status, DateTimeOffset occurredAt)
    {
        if (Status == ShipmentStatus.Delivered) return false;
        if (occurredAt < LastEventAt && status != ShipmentStatus.Delivered) return false;
        // At the same moment, only a step forward (or an exception) counts: PickedUp never follows InTransit.
        if (occurredAt == LastEventAt && status != ShipmentStatus.Exception && status <= Status) return false;
        Status = status;
        LastEventAt = occurredAt > LastEventAt ? occurredAt : LastEventAt;
        if (status == ShipmentStatus.Delivered) DeliveredAt = occurredAt;
        return true;
    }
}
