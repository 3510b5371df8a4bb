namespace Orderly.Application.Warehouse;

/// <summary>
/// Release a wave: at most <c>maxLines</c> pick tasks (1-500, default 50), rush orders first.
/// For a carrier cut-off run, <c>shipBy</c> (yyyy-MM-dd) takes only orders requested by then (or
/// with no requested date), and <c>rushOnly</c> only rush orders.
/// </summary>
public sealed record WaveRequest(int? MaxLines, bool? RushOnly, DateOnly? ShipBy);

public sealed record PickTaskResponse(long Id, long Wave, string Site, string Order, int Line, string Location, string Sku, string Description,
    decimal Quantity, decimal Picked, string BaseUnit, string Status, int Sequence);

public sealed record WaveResponse(long Id, string Site, DateTimeOffset ReleasedAt, string ReleasedBy, IReadOnlyList<PickTaskResponse> Tasks);

/// <summary>Confirm a pick with the quantity actually picked; less than asked is a short pick.</summary>
public sealed record ConfirmPickRequest(decimal? Quantity);

public sealed record PackLine(int? Line, decimal? Quantity);

/// <summary>Pack picked quantities of one order's lines into a new container.</summary>
public sealed record PackRequest(string? Order, IReadOnlyList<PackLine>? Lines);

public sealed record ContainerResponse(long Id, string Sscc, string Site, string Order, string Status, IReadOnlyList<PackLine> Lines);

/// <summary>Hand packed containers of one order to a carrier.</summary>
public sealed record ShipRequest(string? Order, IReadOnlyList<string>? Containers, string? Carrier, string? Service, string? TrackingNumber);

public sealed record ShipmentResponse(long Id, string Site, string Order, string Carrier, string Service, string TrackingNumber, string Status,
    DateTimeOffset ShippedAt, IReadOnlyList<string> Containers);
