namespace Orderly.Core.Events;

/// <summary>
/// The standard types of fulfillment events. Each is aligned with a GS1 CBV 2.0 business step
/// where CBV has one with the same meaning, so the log exports to EPCIS without a translation
/// table; the rest (allocation, backorders, holds) are Orderly's own terms and say so.
/// </summary>
public static class EventTypes
{
    public sealed record EventType(string Code, string? BizStep, string Meaning);

    public static readonly EventType OrderAccepted = new("order.accepted", "accepting", "An order was captured and passed validation.");
    public static readonly EventType OrderHeld = new("order.held", "holding", "An order was put on hold (credit, or waiting to ship complete).");
    public static readonly EventType OrderHoldReleased = new("order.hold-released", null, "A hold was lifted.");
    public static readonly EventType OrderCancelled = new("order.cancelled", null, "An order was cancelled; its allocations went back to stock.");
    public static readonly EventType LineAllocated = new("line.allocated", null, "Stock was allocated to an order line (no CBV equivalent: CBV 'reserving' is about identifiers).");
    public static readonly EventType LineBackordered = new("line.backordered", null, "Part of a line waits for stock, with a promise date.");
    public static readonly EventType LineCancelled = new("line.cancelled", null, "An order line, or its unallocatable remainder, was cancelled.");
    public static readonly EventType StockReceived = new("stock.received", "receiving", "Stock was received into a site's inventory.");
    public static readonly EventType StockAdjusted = new("stock.adjusted", null, "Stock was adjusted with a reason code (no single CBV step: a count, a write-off and a found item differ).");
    public static readonly EventType StockMoved = new("stock.moved", "storing", "Stock moved between locations or statuses within a site.");

    public static readonly EventType WaveReleased = new("wave.released", null, "A wave of pick tasks was released at a site.");
    public static readonly EventType TaskPicked = new("task.picked", "picking", "A pick task was confirmed in full.");
    public static readonly EventType TaskShortPicked = new("task.short-picked", "picking", "A pick task was confirmed with less than asked.");
    public static readonly EventType ContainerPacked = new("container.packed", "packing", "Picked goods were packed into a container with an SSCC.");
    public static readonly EventType ShipmentShipped = new("shipment.shipped", "shipping", "Containers left the site with a carrier.");
    public static readonly EventType ShipmentTracked = new("shipment.tracked", null, "A carrier reported progress (picked up, in transit, delivered, exception).");
    public static readonly EventType ExceptionRaised = new("exception.raised", null, "The engine raised a typed exception for its owner role.");

    public static IReadOnlyList<EventType> All { get; } =
        [OrderAccepted, OrderHeld, OrderHoldReleased, OrderCancelled, LineAllocated, LineBackordered, LineCancelled, StockReceived, StockAdjusted, StockMoved,
         WaveReleased, TaskPicked, TaskShortPicked, ContainerPacked, ShipmentShipped, ShipmentTracked, ExceptionRaised];
}
