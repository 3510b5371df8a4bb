using Orderly.Core.Definitions;

namespace Orderly.Core.Warehouse;

public enum ContainerStatus
{
    Packed,
    Shipped,
}

/// <summary>A closed shipping container (carton, pallet) for one order at one site, identified by its SSCC.</summary>
public sealed class Container
{
    private readonly List<ContainerLine> _lines = [];

    private Container() { }

    public Container(long siteId, long orderId, Sscc sscc, IEnumerable<ContainerLine> lines, DateTimeOffset packedAt)
    {
        SiteId = siteId;
        OrderId = orderId;
        Sscc = sscc.Value;
        PackedAt = packedAt;
        _lines.AddRange(lines);
    }

    public long Id { get; private set; }
    public long SiteId { get; private set; }
    public long OrderId { get; private set; }
    public string Sscc { get; private set; } = "";
    public ContainerStatus Status { get; private set; }
    public DateTimeOffset PackedAt { get; private set; }
    public long? ShipmentId { get; private set; }
    public IReadOnlyList<ContainerLine> Lines => _lines;

    public void Ship(long shipmentId)
    {
        if (Status != ContainerStatus.Packed) throw new InvalidOperationException($"Container {Sscc} has already shipped.");
        Status = ContainerStatus.Shipped;
        ShipmentId = shipmentId;
    }
}

/// <summary>What one order line put into a container, in base units.</summary>
public sealed record ContainerLine(int LineNumber, long ItemId, long QuantityMilli);
