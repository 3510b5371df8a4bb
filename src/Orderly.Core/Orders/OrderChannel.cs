namespace Orderly.Core.Orders;

/// <summary>Where an order came from. Every channel goes through the same capture path.</summary>
public enum OrderChannel
{
    Api,
    Edi,
    Portal,
    Phone,
    Upload,
}

public enum OrderPriority
{
    Standard,
    Rush,
}

/// <summary>Why an order may not be released to the warehouse yet.</summary>
[Flags]
public enum OrderHolds
{
    None = 0,

    /// <summary>The customer is on credit hold; only Finance releases it.</summary>
    Credit = 1,

    /// <summary>Policy shipment.partial = hold-until-complete and some line is not fully allocated.</summary>
    Incomplete = 2,
}

/// <summary>Where an order stands, derived from its lines and holds.</summary>
public enum OrderStatus
{
    Held,
    Backordered,
    PartiallyAllocated,
    Allocated,
    InProgress,
    Shipped,
    Cancelled,
}
