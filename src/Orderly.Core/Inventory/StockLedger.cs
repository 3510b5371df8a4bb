namespace Orderly.Core.Inventory;

/// <summary>
/// The ledger's rule in memory: balances are the sum of movements, and no movement may take
/// from a bucket more than it holds. The database store enforces the same rule with a
/// conditional update; this type states it once, for the domain and for the tests that hold
/// the store to it.
/// </summary>
public sealed class StockLedger
{
    private readonly Dictionary<StockBucket, Quantity> _balances = [];

    /// <summary>Everything that came in from outside: receipts and increasing adjustments.</summary>
    public Quantity TotalIn { get; private set; }

    /// <summary>Everything that left to outside: shipments and decreasing adjustments.</summary>
    public Quantity TotalOut { get; private set; }

    public IReadOnlyDictionary<StockBucket, Quantity> Balances => _balances;

    public Quantity BalanceOf(StockBucket bucket) => _balances.GetValueOrDefault(bucket);

    /// <summary>Applies the movement, or refuses it (changing nothing) when its source holds too little.</summary>
    public bool TryApply(StockMovement movement)
    {
        if (movement.From is { } from)
        {
            var held = BalanceOf(from);
            if (held < movement.Quantity) return false;
            var left = held - movement.Quantity;
            if (left.IsZero) _balances.Remove(from);
            else _balances[from] = left;
        }
        else
        {
            TotalIn += movement.Quantity;
        }

        if (movement.To is { } to)
            _balances[to] = BalanceOf(to) + movement.Quantity;
        else
            TotalOut += movement.Quantity;
        return true;
    }

    public Quantity Total => _balances.Values.Aggregate(Quantity.Zero, (sum, q) => sum + q);
}
