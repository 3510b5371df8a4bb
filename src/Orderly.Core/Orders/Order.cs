using System.Linq.Expressions;
using System.Globalization;
using Orderly.Core.Allocation;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Policies;

namespace Orderly.Core.Orders;

/// <summary>
/// A customer order as captured from any channel, with its lines, its holds and the allocation
/// the engine made. The order applies policy outcomes itself: given a plan and the policies in
/// force it allocates, backorders or cancels each line's remainder, sets holds and promise dates,
/// and says which policy decided what.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines;

    private Order() => _lines = [];

    public Order(OrderChannel channel, string externalRef, long customerId, string customerAccount, long homeSiteId,
        ShipToAddress shipTo, DateOnly? requestedDate, OrderPriority priority, IEnumerable<OrderLine> lines, bool creditHold, DateTimeOffset now)
    {
        Channel = channel;
        ExternalRef = externalRef;
        CustomerId = customerId;
        CustomerAccount = customerAccount;
        HomeSiteId = homeSiteId;
        ShipTo = shipTo;
        RequestedDate = requestedDate;
        Priority = priority;
        CreatedAt = now;
        Holds = creditHold ? OrderHolds.Credit : OrderHolds.None;
        // ToList sizes the list once for a projection of a list or an array, where AddRange would grow it.
        _lines = lines.ToList();
        RefreshStatus();
    }

    public long Id { get; private set; }

    /// <summary>The number people use (SO-0000042), given when the order is first saved.</summary>
    public string Number { get; private set; } = "";

    public OrderChannel Channel { get; private set; }
    public string ExternalRef { get; private set; } = "";
    public long CustomerId { get; private set; }
    public string CustomerAccount { get; private set; } = "";
    public long HomeSiteId { get; private set; }
    public ShipToAddress ShipTo { get; private set; } = null!;
    public DateOnly? RequestedDate { get; private set; }
    public OrderPriority Priority { get; private set; }
    public OrderHolds Holds { get; private set; }
    public OrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;

    public void AssignNumber() => Number = $"SO-{Id:D7}";

    /// <summary>
    /// Applies an allocation plan and the policies in force: each line takes its planned stock;
    /// what is still missing is backordered (promised after the item's lead time) or cancelled,
    /// and an order that must ship complete is held while anything is missing.
    /// </summary>
    public IReadOnlyList<OrderDecision> ApplyAllocation(IReadOnlyList<PlannedTake> takes, IReadOnlyDictionary<string, PolicyDecision> policies,
        Func<long, int> leadTimeDays, Func<long, string> siteCode, DateOnly today)
    {
        // Plain loops, not LINQ: the engine runs this for every order it allocates.
        var decisions = new List<OrderDecision>(_lines.Count + 1);
        var partial = policies[PolicyKeys.ShipmentPartial];
        var backorder = policies[PolicyKeys.BackorderHandling];
        var sourcing = policies[PolicyKeys.AllocationSourcing];
        var substitution = policies[PolicyKeys.Substitution];
        // Which lines waited before this plan: only they get a decision. On the stack: intake takes
        // orders of at most 500 lines; a longer one (none today) would take the heap.
        Span<bool> waiting = _lines.Count <= 512 ? stackalloc bool[_lines.Count] : new bool[_lines.Count];
        for (var i = 0; i < _lines.Count; i++) waiting[i] = _lines[i].BackorderedMilli > 0;
        var wasIncomplete = Holds.HasFlag(OrderHolds.Incomplete);
        // The decisions' texts are written in this buffer, then copied into their strings once: no
        // pooled buffer is rented and returned for each (a text longer than this rents one after all).
        Span<char> text = stackalloc char[128];

        for (var t = 0; t < takes.Count; t++)
        {
            var take = takes[t];
            var line = LineNumbered(take.LineNumber);
            line.Allocate(take.SiteId, take.LocationId, take.ItemId, take.Quantity);
            if (take.ItemId != line.ItemId)
                decisions.Add(new OrderDecision(line.LineNumber, string.Create(CultureInfo.InvariantCulture, text, $"{take.Quantity} filled by an approved substitute"), substitution));
        }

        for (var i = 0; i < _lines.Count; i++)
        {
            if (!waiting[i]) continue;
            var line = _lines[i];
            var earliest = RequestedDate is { } requested && requested > today ? requested : today;
            if (line.FullyAllocated)
            {
                line.Promise(earliest);
                decisions.Add(new OrderDecision(line.LineNumber, string.Create(CultureInfo.InvariantCulture, text, $"Allocated {line.Allocated} from {line.AllocatedSites(siteCode)}"), sourcing));
                continue;
            }
            if (backorder.Value == PolicyKeys.CancelRemainder)
            {
                decisions.Add(new OrderDecision(line.LineNumber, string.Create(CultureInfo.InvariantCulture, text, $"{line.Backordered} could not be allocated and was cancelled"), backorder));
                line.CancelBackorder();
                line.Promise(earliest);
                continue;
            }
            var promise = today.AddDays(leadTimeDays(line.ItemId));
            line.Promise(promise > earliest ? promise : earliest);
            decisions.Add(new OrderDecision(line.LineNumber, string.Create(CultureInfo.InvariantCulture, text, $"{line.Backordered} backordered, promised {line.PromiseDate:yyyy-MM-dd}"), backorder));
        }

        var complete = AllLinesFullyAllocated();
        if (partial.Value == PolicyKeys.HoldUntilComplete && !complete)
        {
            Holds |= OrderHolds.Incomplete;
            if (!wasIncomplete)
                decisions.Add(new OrderDecision(null, "Held until complete; no line is released to the warehouse until every line is allocated", partial));
        }
        else
        {
            Holds &= ~OrderHolds.Incomplete;
            decisions.Add(new OrderDecision(null, complete
                ? wasIncomplete ? "Now complete: the hold is lifted and the order may be released" : "Every line is allocated; the order may be released to the warehouse"
                : "Ships what is available now; backordered lines follow", partial));
        }
        RefreshStatus();
        return decisions;
    }

    /// <summary>The lines still waiting for stock, with what each waits for.</summary>
    public IReadOnlyList<AllocationNeed> Needs(Func<long, IReadOnlyList<long>> substitutes)
    {
        var needs = new List<AllocationNeed>(_lines.Count);
        foreach (var line in _lines)
            if (line.BackorderedMilli > 0)
                needs.Add(new AllocationNeed(line.LineNumber, line.ItemId, line.Backordered, substitutes(line.ItemId)));
        return needs;
    }

    private OrderLine LineNumbered(int lineNumber)
    {
        foreach (var line in _lines)
            if (line.LineNumber == lineNumber) return line;
        throw new InvalidOperationException($"The order has no line {lineNumber}.");
    }

    private bool AllLinesFullyAllocated()
    {
        foreach (var line in _lines)
            if (!line.FullyAllocated) return false;
        return true;
    }

    /// <summary>Records a confirmed pick against the line of a released allocation.</summary>
    public void RecordPick(LineAllocation allocation, Quantity picked)
    {
        var line = _lines.Single(l => l.Allocations.Contains(allocation));
        line.Pick(allocation.Quantity, picked);
        allocation.Consume();
        RefreshStatus();
    }

    public void RecordPack(int lineNumber, Quantity quantity)
    {
        LineNumbered(lineNumber).Pack(quantity);
        RefreshStatus();
    }

    public void RecordShipment(int lineNumber, Quantity quantity)
    {
        LineNumbered(lineNumber).Ship(quantity);
        RefreshStatus();
    }

    /// <summary>
    /// May the warehouse pick, pack or ship this order now? Not while it is held (credit, or waiting
    /// to ship complete), and not once it is cancelled or shipped. <see cref="ReleasableRule"/> is the
    /// same rule for a database query.
    /// </summary>
    public bool Releasable => Holds == OrderHolds.None && Status is not (OrderStatus.Cancelled or OrderStatus.Shipped);

    /// <summary><see cref="Releasable"/> as an expression a query can run in the database.</summary>
    public static Expression<Func<Order, bool>> ReleasableRule { get; } =
        o => o.Holds == OrderHolds.None && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Shipped;

    /// <summary>
    /// Why the warehouse may not work on this order now, in words a packer or shipper can act on;
    /// null when it may. A held order's goods wait at the staging lane.
    /// </summary>
    public string? WarehouseRefusal() => Holds != OrderHolds.None
        ? $"Order {Number} is on hold ({string.Join(", ", HoldCodes(Holds))}); its goods wait at the staging lane until the hold is lifted."
        : null;

    /// <summary>The codes of the holds, as the API and the pages show them (<c>credit</c>, <c>incomplete</c>).</summary>
    public static IReadOnlyList<string> HoldCodes(OrderHolds holds)
    {
        var codes = new List<string>(2);
        if (holds.HasFlag(OrderHolds.Credit)) codes.Add("credit");
        if (holds.HasFlag(OrderHolds.Incomplete)) codes.Add("incomplete");
        return codes;
    }

    public void ReleaseCreditHold()
    {
        Holds &= ~OrderHolds.Credit;
        RefreshStatus();
    }

    /// <summary>Cancels every open line; returns the allocations whose stock goes back to available.</summary>
    public IReadOnlyList<ReleasedStock> Cancel() => CancelLines(_lines);

    public IReadOnlyList<ReleasedStock> CancelLine(int lineNumber) => CancelLines(_lines.Where(l => l.LineNumber == lineNumber));

    private List<ReleasedStock> CancelLines(IEnumerable<OrderLine> lines)
    {
        var released = lines.Where(l => l.IsOpen).SelectMany(l => l.Cancel()).ToList();
        if (_lines.All(l => l.FullyAllocated)) Holds &= ~OrderHolds.Incomplete;
        RefreshStatus();
        return released;
    }

    /// <summary>Nothing of the order is in the warehouse's hands yet (no pick task released, nothing picked or packed), and something is left to cancel.</summary>
    public bool CanBeCancelled => CancellationRefusal() is null;

    /// <summary>
    /// Why the order, or its line <paramref name="lineNumber"/>, cannot be cancelled now; null when
    /// it can. What the warehouse holds (a released pick task, picked or packed goods) is not
    /// cancelled: what is left is, after it ships. The line must exist.
    /// </summary>
    public string? CancellationRefusal(int? lineNumber = null)
    {
        var line = lineNumber is { } number ? LineNumbered(number) : null;
        var what = line is null ? $"Order {Number}" : $"Line {lineNumber}";
        if (line is { InWarehouse: true } || (line is null && _lines.Any(l => l.InWarehouse)))
            return $"{what} is in the warehouse (a pick task is out, or it is picked); cancel what is left after it ships.";
        if (line is { IsOpen: false } || (line is null && !_lines.Any(l => l.IsOpen)))
            return $"{what} has nothing left to cancel.";
        return null;
    }

    private void RefreshStatus()
    {
        // One pass over the lines (the status is refreshed after every change to the order).
        bool allCancelled = true, noneOpen = true, anyInProgress = false, allAllocated = true, anyAllocated = false;
        foreach (var line in _lines)
        {
            allCancelled &= line.CancelledMilli == line.QuantityMilli;
            noneOpen &= !line.IsOpen;
            anyInProgress |= line.PickedMilli + line.PackedMilli + line.ShippedMilli > 0;
            allAllocated &= line.FullyAllocated;
            anyAllocated |= line.AllocatedMilli > 0;
        }
        Status = allCancelled ? OrderStatus.Cancelled
            : noneOpen ? OrderStatus.Shipped
            : Holds != OrderHolds.None ? OrderStatus.Held
            : anyInProgress ? OrderStatus.InProgress
            : allAllocated ? OrderStatus.Allocated
            : anyAllocated ? OrderStatus.PartiallyAllocated
            : OrderStatus.Backordered;
    }
}
