namespace Orderly.Core.Inventory;

/// <summary>
/// One append-only change to the stock ledger: a positive quantity leaving <see cref="From"/>
/// (or coming from outside when null) and arriving in <see cref="To"/> (or leaving the ledger
/// when null). Movements are never edited; a mistake is corrected by a new movement.
/// </summary>
public sealed record StockMovement
{
    private StockMovement(MovementKind kind, StockBucket? from, StockBucket? to, Quantity quantity, string? reasonCode, string? reference)
    {
        Kind = kind;
        From = from;
        To = to;
        Quantity = quantity;
        ReasonCode = reasonCode;
        Reference = reference;
    }

    public MovementKind Kind { get; }
    public StockBucket? From { get; }
    public StockBucket? To { get; }
    public Quantity Quantity { get; }
    public string? ReasonCode { get; }
    public string? Reference { get; }

    public static StockMovement Receipt(StockBucket to, Quantity quantity, string? reference = null) =>
        new(MovementKind.Receipt, null, to, Positive(quantity), null, reference);

    public static StockMovement Shipment(StockBucket from, Quantity quantity, string? reference = null) =>
        new(MovementKind.Shipment, from, null, Positive(quantity), null, reference);

    /// <summary>An adjustment adds to <paramref name="bucket"/> when <paramref name="increase"/>, else takes from it.</summary>
    public static StockMovement Adjustment(StockBucket bucket, bool increase, Quantity quantity, string reasonCode, string? reference = null)
    {
        if (!AdjustmentReasons.All.ContainsKey(reasonCode))
            throw new ArgumentException($"Unknown adjustment reason '{reasonCode}'.", nameof(reasonCode));
        return increase
            ? new(MovementKind.Adjustment, null, bucket, Positive(quantity), reasonCode, reference)
            : new(MovementKind.Adjustment, bucket, null, Positive(quantity), reasonCode, reference);
    }

    public static StockMovement Move(StockBucket from, StockBucket to, Quantity quantity, string? reference = null)
    {
        if (from == to) throw new ArgumentException("A move goes between two different buckets.", nameof(to));
        if (from.SiteId != to.SiteId || from.ItemId != to.ItemId)
            throw new ArgumentException("A move stays within one site and one item; other changes are transfers or conversions.", nameof(to));
        return new(MovementKind.Move, from, to, Positive(quantity), null, reference);
    }

    private static Quantity Positive(Quantity quantity) =>
        quantity.IsZero ? throw new ArgumentOutOfRangeException(nameof(quantity), "A movement moves more than zero.") : quantity;
}
