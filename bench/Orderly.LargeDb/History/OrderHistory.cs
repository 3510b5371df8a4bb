using Orderly.Core.Allocation;
using Orderly.Core.Inventory;
using Orderly.Core.Orders;
using Orderly.Core.Policies;

namespace Orderly.LargeDb.History;

/// <summary>One order of the history as the domain left it, with the decisions its allocation made.</summary>
internal sealed record HistoricOrder(long Id, Order Order, CustomerRef Customer, string ShipToJson, IReadOnlyList<OrderDecision> Decisions);

/// <summary>
/// A year of a distributor's orders, told through the domain model so that every order is one
/// the product could have made: each is captured (<see cref="Order"/>'s constructor), allocated
/// by <see cref="Order.ApplyAllocation"/> with the policies resolved for its customer, and then,
/// by its age, picked, packed and shipped (a few picked short and the rest cancelled), cancelled,
/// or left open. Orders of the last two weeks are mostly open; those take real stock from the
/// demo's bins (home site first, as allocation.sourcing says) and are backordered or held where
/// it runs out. Everything comes from one seeded <see cref="Random"/>, in id order.
/// </summary>
internal sealed class OrderHistory
{
    public const double OpenWindowDays = 14;

    private static readonly (OrderChannel Channel, int Weight)[] Channels =
        [(OrderChannel.Edi, 40), (OrderChannel.Portal, 25), (OrderChannel.Api, 20), (OrderChannel.Phone, 10), (OrderChannel.Upload, 5)];

    // About 3.2 lines an order: single-line orders are common, eight-line ones rare.
    private static readonly int[] LineCountWeights = [20, 22, 20, 14, 10, 7, 4, 3];
    private static readonly int[] EachQuantities = [1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 50];
    private static readonly decimal[] MetreQuantities = [2.5m, 5, 5, 10, 12.5m, 20, 25, 50, 75.5m];

    private readonly MasterData _data;
    private readonly Random _random;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly long _count;
    private readonly double[] _customerWeights;
    private readonly double[] _itemWeights;
    private readonly Dictionary<long, IReadOnlyDictionary<string, PolicyDecision>> _policies = [];
    private readonly Dictionary<long, string> _siteCodes;
    private readonly Dictionary<long, int> _leadTimes;
    private readonly Dictionary<long, List<long>> _sitesHolding = [];
    private readonly int[] _channelSequence = new int[Channels.Length];

    public OrderHistory(MasterData data, int seed, long count, DateTimeOffset end)
    {
        _data = data;
        _random = new Random(seed);
        _count = count;
        _end = end;
        _start = end.AddDays(-365);
        _siteCodes = data.Sites.ToDictionary(s => s.Id, s => s.Code);
        _leadTimes = data.Items.ToDictionary(i => i.Id, i => i.LeadTimeDays);
        foreach (var (siteId, itemId) in data.Available.Keys)
        {
            if (!_sitesHolding.TryGetValue(itemId, out var sites)) _sitesHolding[itemId] = sites = [];
            sites.Add(siteId);
        }
        // A few large accounts and a long tail: in a shuffled order, the k-th customer weighs 1 / (k + 8)^1.1.
        _customerWeights = Cumulative(Shuffled(data.Customers.Count).Select(rank => Math.Pow(rank + 8, -1.1)));
        _itemWeights = Cumulative(Shuffled(data.Items.Count).Select(rank => Math.Pow(rank + 20, -0.9)));
    }

    /// <summary>The order with the given position (0 to count - 1) in the history; call in order.</summary>
    public HistoricOrder Next(long id, long index)
    {
        var createdAt = _start + (_end - _start) * ((index + _random.NextDouble()) / _count);
        var age = (_end - createdAt).TotalDays;
        var customer = PickCustomer(age);
        var shipToIndex = customer.ShipTos.Count > 1 && _random.Next(4) == 0 ? 1 : 0;
        var channel = PickChannel();
        var today = DateOnly.FromDateTime(createdAt.UtcDateTime);
        DateOnly? requested = _random.Next(10) < 3 ? today.AddDays(1 + _random.Next(10)) : null;
        var priority = _random.Next(100) < 3 ? OrderPriority.Rush : OrderPriority.Standard;
        var order = new Order(channel, ExternalRef(channel, customer, today), customer.Id, customer.Account, customer.Home.Id,
            customer.ShipTos[shipToIndex], requested, priority, Lines(), customer.CreditHold, createdAt);

        var fate = Fate(age);
        var policies = PoliciesFor(customer);
        var takes = fate == OrderFate.Open ? TakeStock(order, customer, policies) : TakeHistoric(order, customer, policies);
        var decisions = order.ApplyAllocation(takes, policies, item => _leadTimes[item], site => _siteCodes[site], today);
        if (fate == OrderFate.Shipped) Ship(order);
        else if (fate == OrderFate.Cancelled) order.Cancel();
        return new HistoricOrder(id, order, customer, customer.ShipToJson[shipToIndex], decisions);
    }

    private enum OrderFate { Shipped, Cancelled, Open }

    /// <summary>Older orders are finished (about 1 in 22 cancelled); within the last two weeks the younger an order, the likelier it is still open.</summary>
    private OrderFate Fate(double ageDays)
    {
        var roll = _random.NextDouble();
        if (ageDays > OpenWindowDays) return roll < 0.045 ? OrderFate.Cancelled : OrderFate.Shipped;
        var open = 0.9 - 0.06 * ageDays;
        return roll < open ? OrderFate.Open : roll < open + 0.03 ? OrderFate.Cancelled : OrderFate.Shipped;
    }

    private CustomerRef PickCustomer(double ageDays)
    {
        while (true)
        {
            var customer = _data.Customers[Sample(_customerWeights)];
            // A blocked customer's orders are from before it was blocked.
            if (!customer.Blocked || ageDays > 60) return customer;
        }
    }

    private OrderChannel PickChannel()
    {
        var roll = _random.Next(100);
        foreach (var (channel, weight) in Channels)
        {
            if (roll < weight) return channel;
            roll -= weight;
        }
        return OrderChannel.Api;
    }

    /// <summary>Each channel numbers its references its own way; a per-channel counter keeps (channel, reference) unique.</summary>
    private string ExternalRef(OrderChannel channel, CustomerRef customer, DateOnly today)
    {
        var n = ++_channelSequence[(int)channel];
        return channel switch
        {
            OrderChannel.Edi => $"850-{n:D9}",
            OrderChannel.Portal => $"WEB-{n:D8}",
            OrderChannel.Api => $"{customer.Account}-PO-{n:D7}",
            // The order form's references look random; an odd multiplier modulo 2^40 keeps them distinct.
            OrderChannel.Phone => $"CS-{(n * 0x9E3779B97L) & 0xFF_FFFF_FFFFL:X10}",
            OrderChannel.Upload => $"UPL-{today:yyyyMMdd}-{n:D7}",
            _ => throw new ArgumentOutOfRangeException(nameof(channel)),
        };
    }

    private List<OrderLine> Lines()
    {
        var count = 1 + SampleWeights(LineCountWeights);
        var lines = new List<OrderLine>(count);
        var used = new HashSet<long>();
        while (lines.Count < count)
        {
            var item = _data.Items[Sample(_itemWeights)];
            if (!used.Add(item.Id)) continue;
            var (requested, unit, factor) = QuantityOf(item);
            lines.Add(new OrderLine(lines.Count + 1, item.Id, item.Sku, requested, unit, Quantity.Of(requested * factor)));
        }
        return lines;
    }

    private (decimal Requested, string Unit, decimal Factor) QuantityOf(ItemRef item)
    {
        var roll = _random.Next(100);
        if (item.Fractional)
            return roll < 5 && item.Packs.Count > 0
                ? (1, item.Packs[0].Unit, item.Packs[0].Factor)
                : (MetreQuantities[_random.Next(MetreQuantities.Length)], item.BaseUnit, 1);
        if (roll < 17 && item.Packs.Count > 0) return (1 + _random.Next(3), item.Packs[0].Unit, item.Packs[0].Factor);
        if (roll < 18 && item.Packs.Count > 1) return (1, item.Packs[1].Unit, item.Packs[1].Factor);
        return (EachQuantities[_random.Next(EachQuantities.Length)], item.BaseUnit, 1);
    }

    private IReadOnlyDictionary<string, PolicyDecision> PoliciesFor(CustomerRef customer)
    {
        if (!_policies.TryGetValue(customer.Id, out var resolved))
            _policies[customer.Id] = resolved = PolicyResolver.ResolveAll(_data.Policies,
                new PolicyContext(customer.Account, customer.Segment, customer.Home.Code, customer.Home.Region), _end);
        return resolved;
    }

    /// <summary>The sites allocation may source from, in order, as the customer's allocation.sourcing says.</summary>
    private IEnumerable<SiteRef> Sources(CustomerRef customer, IReadOnlyDictionary<string, PolicyDecision> policies)
    {
        yield return customer.Home;
        var sourcing = policies[PolicyKeys.AllocationSourcing].Value;
        if (sourcing == PolicyKeys.HomeSiteOnly) yield break;
        foreach (var dc in _data.Sites.Where(s => s.IsDc && s.Id != customer.Home.Id && (s.Region == customer.Home.Region || sourcing == PolicyKeys.AnySite))
                     .OrderBy(s => s.Region == customer.Home.Region ? 0 : 1))
            yield return dc;
    }

    /// <summary>An open order takes what the bins hold now; what they lack is backordered.</summary>
    private List<PlannedTake> TakeStock(Order order, CustomerRef customer, IReadOnlyDictionary<string, PolicyDecision> policies)
    {
        var takes = new List<PlannedTake>();
        foreach (var line in order.Lines)
        {
            var need = line.QuantityMilli;
            foreach (var site in Sources(customer, policies))
            {
                if (need == 0) break;
                if (!_data.Available.TryGetValue((site.Id, line.ItemId), out var bucket) || bucket.Milli == 0) continue;
                // Whole units only for whole-unit items: the bins hold whole units, so this never splits one.
                var take = Math.Min(need, bucket.Milli);
                bucket.Milli -= take;
                need -= take;
                takes.Add(new PlannedTake(line.LineNumber, site.Id, bucket.LocationId, line.ItemId, Quantity.FromMilli(take)));
            }
        }
        return takes;
    }

    /// <summary>A finished order was allocated in full when it came in, from the first source that carries the item.</summary>
    private List<PlannedTake> TakeHistoric(Order order, CustomerRef customer, IReadOnlyDictionary<string, PolicyDecision> policies)
    {
        var takes = new List<PlannedTake>(order.Lines.Count);
        foreach (var line in order.Lines)
        {
            var site = Sources(customer, policies).FirstOrDefault(s => _data.Available.ContainsKey((s.Id, line.ItemId)))?.Id
                ?? (_sitesHolding.TryGetValue(line.ItemId, out var holding) ? holding[0] : customer.Home.Id);
            var location = _data.Available.TryGetValue((site, line.ItemId), out var bucket) ? bucket.LocationId : 0;
            takes.Add(new PlannedTake(line.LineNumber, site, location, line.ItemId, line.Quantity));
        }
        return takes;
    }

    /// <summary>What the warehouse's picks, packing and shipping do to the order; about one line in a hundred is picked short and its remainder cancelled.</summary>
    private void Ship(Order order)
    {
        if (order.Holds.HasFlag(OrderHolds.Credit)) order.ReleaseCreditHold();
        foreach (var line in order.Lines)
        {
            var shortPick = !line.Quantity.IsWhole || line.QuantityMilli < 2000 ? 0 : _random.Next(100) == 0 ? 1000 : 0;
            var picked = 0L;
            foreach (var allocation in line.Allocations.ToList())
            {
                if (allocation.QuantityMilli == 0) continue;
                var found = allocation.QuantityMilli - shortPick;
                shortPick = 0;
                allocation.Release();
                order.RecordPick(allocation, Quantity.FromMilli(found));
                picked += found;
            }
            if (line.BackorderedMilli > 0) order.CancelLine(line.LineNumber);
            order.RecordPack(line.LineNumber, Quantity.FromMilli(picked));
            order.RecordShipment(line.LineNumber, Quantity.FromMilli(picked));
        }
    }

    private int[] Shuffled(int count)
    {
        var ranks = Enumerable.Range(0, count).ToArray();
        _random.Shuffle(ranks);
        return ranks;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private int Sample(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private int SampleWeights(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }
}
