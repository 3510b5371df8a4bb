using Orderly.Core.Inventory;

namespace Orderly.Core.Warehouse;

public enum PickTaskStatus
{
    Open,
    Picked,
    Short,
}

/// <summary>
/// One pick for a picker: take a quantity of an item from a location for an order line. Tasks
/// are confirmed once; a confirmation of less than asked is a short pick.
/// </summary>
public sealed class PickTask
{
    private PickTask() { }

    public PickTask(long waveId, long siteId, long orderId, long allocationId, long locationId, long itemId, int sequence, Quantity quantity)
    {
        WaveId = waveId;
        SiteId = siteId;
        OrderId = orderId;
        AllocationId = allocationId;
        LocationId = locationId;
        ItemId = itemId;
        Sequence = sequence;
        QuantityMilli = quantity.Milli;
    }

    public long Id { get; private set; }
    public long WaveId { get; private set; }
    public long SiteId { get; private set; }
    public long OrderId { get; private set; }
    public long AllocationId { get; private set; }
    public long LocationId { get; private set; }
    public long ItemId { get; private set; }

    /// <summary>The task's place along the pick path of its wave.</summary>
    public int Sequence { get; private set; }

    public long QuantityMilli { get; private set; }
    public long PickedMilli { get; private set; }
    public PickTaskStatus Status { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }

    public Quantity Quantity => Quantity.FromMilli(QuantityMilli);
    public Quantity Picked => Quantity.FromMilli(PickedMilli);
    public Quantity Short => Quantity.FromMilli(QuantityMilli - PickedMilli);

    /// <summary>Why a confirmation cannot be taken, or null when it can.</summary>
    public string? Refusal(Quantity picked) => this switch
    {
        { Status: not PickTaskStatus.Open } => $"Task {Id} was already confirmed ({Status.ToString().ToLowerInvariant()}, {Picked} picked).",
        _ when picked > Quantity => $"Task {Id} asks for {Quantity}; {picked} is more than that. Pick what was asked and put the rest back.",
        _ => null,
    };

    public void Confirm(Quantity picked, string by, DateTimeOffset at)
    {
        if (Refusal(picked) is { } refusal) throw new InvalidOperationException(refusal);
        PickedMilli = picked.Milli;
        Status = picked == Quantity ? PickTaskStatus.Picked : PickTaskStatus.Short;
        ConfirmedAt = at;
        ConfirmedBy = by;
    }
}
