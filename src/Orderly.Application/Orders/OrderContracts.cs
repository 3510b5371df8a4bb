using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Application.Outcomes;

namespace Orderly.Application.Orders;

/// <summary>One line of a canonical order. <c>line</c> is optional; when given it must be unique in the order.</summary>
public sealed record OrderLineRequest(int? Line, string? Sku, decimal? Quantity, string? Uom);

/// <summary>
/// The canonical order every channel produces: the API, EDI, file uploads and the
/// customer-service form all send this shape through the same validation.
/// </summary>
public sealed record CaptureOrderRequest(
    string? Channel,
    string? ExternalRef,
    string? Customer,
    ShipToAddress? ShipTo,
    string? RequestedDate,
    string? Priority,
    IReadOnlyList<OrderLineRequest>? Lines);

public sealed record AllocationResponse(string Site, decimal Quantity, string? Sku);

public sealed record OrderLineResponse(
    int Line,
    string Sku,
    decimal Quantity,
    string Uom,
    decimal BaseQuantity,
    decimal Allocated,
    decimal Backordered,
    decimal Cancelled,
    decimal Picked,
    decimal Packed,
    decimal Shipped,
    string Status,
    DateOnly? PromiseDate,
    IReadOnlyList<AllocationResponse> Allocations);

public sealed record OrderResponse(
    long Id,
    string Number,
    string Status,
    string Channel,
    string ExternalRef,
    string Customer,
    ShipToAddress ShipTo,
    DateOnly? RequestedDate,
    string Priority,
    IReadOnlyList<string> Holds,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrderLineResponse> Lines)
{
    public static OrderResponse From(Order order, IReadOnlyDictionary<long, string> siteCodes, IReadOnlyDictionary<long, string> skus) => new(
        order.Id, order.Number, Code(order.Status), order.Channel.ToString().ToLowerInvariant(), order.ExternalRef, order.CustomerAccount,
        order.ShipTo, order.RequestedDate, order.Priority.ToString().ToLowerInvariant(), Order.HoldCodes(order.Holds), order.CreatedAt,
        order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineResponse(
            l.LineNumber, l.Sku, l.RequestedQuantity, l.RequestedUnit, l.Quantity.Value, l.Allocated.Value, l.Backordered.Value,
            l.Cancelled.Value, l.Picked.Value, l.Packed.Value, l.Shipped.Value, l.Status, l.PromiseDate,
            l.Allocations.Where(a => a.QuantityMilli > 0)
                .GroupBy(a => (a.SiteId, a.ItemId))
                .Select(g => new AllocationResponse(siteCodes[g.Key.SiteId], g.Sum(a => a.QuantityMilli) / 1000m,
                    g.Key.ItemId == l.ItemId ? null : skus.GetValueOrDefault(g.Key.ItemId)))
                .ToList())).ToList());

    public static string Code(OrderStatus status) => status switch
    {
        OrderStatus.Held => "held",
        OrderStatus.Backordered => "backordered",
        OrderStatus.PartiallyAllocated => "partially-allocated",
        OrderStatus.Allocated => "allocated",
        OrderStatus.InProgress => "in-progress",
        OrderStatus.Shipped => "shipped",
        OrderStatus.Cancelled => "cancelled",
    };

}

public sealed record DecisionResponse(int? Line, DateTimeOffset At, string Outcome, string Policy, string Value, string Scope,
    string ScopeValue, int Version, string ApprovedBy, string Explanation);

public sealed record OrderSummary(long Id, string Number, string Status, string Channel, string ExternalRef, string Customer,
    string Priority, DateTimeOffset CreatedAt, int Lines);

/// <summary>
/// A page of orders. <c>Total</c> is exact when <c>TotalIsExact</c>; otherwise more than <c>Total</c>
/// orders match (a search counts up to <see cref="OrderReader.ExactTotalUpTo"/>, or to the end of the page asked for).
/// </summary>
public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int PageNumber, int PageSize, int Total, bool TotalIsExact);
