using BenchmarkDotNet.Attributes;
using Orderly.Core.Allocation;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Policies;

namespace Orderly.Bench;

/// <summary>
/// The allocation engine in memory: 100,000 order lines (20,000 orders of 5 lines) allocated over
/// 15 sites x 10,000 SKUs with the demo policies (enterprise standards and the East region's
/// hold-until-complete): policy resolution, sourcing order, planning and applying the plan to the
/// order. Reported per line (OperationsPerInvoke), with bytes allocated per line.
/// </summary>
// The median beside the mean: on a shared virtual machine a few slow iterations move the mean.
[MemoryDiagnoser]
[MedianColumn]
public class AllocationEngineBenchmark
{
    public const int Sites = 15, Skus = 10_000, Orders = 20_000, LinesPerOrder = 5, Lines = Orders * LinesPerOrder;

    private static readonly string[] Regions = ["East", "Central", "West"];
    private readonly ShipToAddress _shipTo = new("MAIN", "Customer", "1 Main St", null, "City", "ST", "00000", "US", true);
    private SourcingSite[] _sites = [];
    private StockOnOffer[] _offer = [];
    private (int Site, long[] Skus, int[] Quantities)[] _orders = [];
    private string[] _skuCodes = [];
    private PolicyValue[] _policies = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        _sites = Enumerable.Range(0, Sites).Select(i => new SourcingSite(i + 1, $"S{i:D2}", i % 5 == 0, Regions[i / 5])).ToArray();
        _offer = _sites.SelectMany(site => Enumerable.Range(1, Skus)
                .Select(sku => new StockOnOffer(site.Id, site.Id * 100 + sku % 40, sku, sku % 40, Quantity.Of(site.IsDc ? 400 : 40))))
            .ToArray();
        _orders = Enumerable.Range(0, Orders).Select(_ => (random.Next(Sites),
            Enumerable.Range(0, LinesPerOrder).Select(_ => (long)random.Next(1, Skus + 1)).ToArray(),
            Enumerable.Range(0, LinesPerOrder).Select(_ => random.Next(1, 6)).ToArray())).ToArray();
        // The SKU codes arrive with the orders (from JSON, EDI or a file): made here, they are not the engine's work.
        _skuCodes = [.. Enumerable.Range(0, Skus + 1).Select(sku => $"SKU-{sku}")];
        var now = DateTimeOffset.UnixEpoch;
        _policies = [.. PolicyRegister.Definitions.Select(d => new PolicyValue(d.Key, PolicyScope.Enterprise, "", d.Standard, 1, "standard", "standard", null, now)),
            new PolicyValue(PolicyKeys.ShipmentPartial, PolicyScope.Region, "East", PolicyKeys.HoldUntilComplete, 1, "pmo", "demo", null, now)];
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int AllocateHundredThousandLines()
    {
        var planner = new AllocationPlanner(_offer);
        var today = new DateOnly(2026, 11, 26);
        var allocated = 0;
        foreach (var (siteIndex, skus, quantities) in _orders)
        {
            var home = _sites[siteIndex];
            var policies = PolicyResolver.ResolveAll(_policies, new PolicyContext("C1", "industrial", home.Code, home.Region), DateTimeOffset.UnixEpoch);
            var sourcing = SourcingOrder.For(policies[PolicyKeys.AllocationSourcing].Value, home, _sites);
            var lines = Enumerable.Range(0, LinesPerOrder).Select(i => new OrderLine(i + 1, skus[i], _skuCodes[skus[i]], quantities[i], "EA", Quantity.Of(quantities[i])));
            var order = new Order(OrderChannel.Api, "PO", 1, "C1", home.Id, _shipTo, null, OrderPriority.Standard, lines, false, DateTimeOffset.UnixEpoch);
            var takes = planner.Plan(order.Needs(_ => []), sourcing, allowSubstitutes: false, preferSingleSite: false);
            order.ApplyAllocation(takes, policies, _ => 7, id => _sites[id - 1].Code, today);
            allocated += takes.Count;
        }
        return allocated;
    }
}
