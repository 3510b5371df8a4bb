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

    public Container(long siteId, long orderId, IEnumerable<ContainerLine> lines, DateTimeOffset packedAt)
    {
        SiteId = siteId;
        OrderId = orderId;
        PackedAt = packedAt;
        _lines.AddRange(lines);
        // Unique until the real SSCC is assigned from the id, within the same transaction.
        Sscc = "T" + Guid.NewGuid().ToString("N")[..17];
    }

    /// <summary>Gives the container its SSCC, with its id as the serial reference, once it has an id.</summary>
    public Sscc AssignSscc(string companyPrefix)
    {
        var sscc = Definitions.Sscc.Create(0, companyPrefix, Id);
        Sscc = sscc.Value;
        return sscc;
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
