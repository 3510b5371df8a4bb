using Microsoft.EntityFrameworkCore;
using Orderly.Core.Allocation;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Policies;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Data.Orders;
using Orderly.Data.Storage;
using Orderly.Application.Events;
using Orderly.Application.MasterData;
using Orderly.Application.Outcomes;
using Orderly.Application.Policies;

namespace Orderly.Application.Allocation;

/// <summary>
/// Allocates an order's waiting lines inside the caller's transaction: resolves the policies in
/// force, reads the stock on offer at the sites sourcing allows, lets the planner decide, and
/// takes each planned quantity with the ledger's conditional update (available to allocated).
/// Takes run in one global order (site, location, item) so two allocations never deadlock; if a
/// take finds the stock gone, <see cref="AllocationRaceException"/> asks the caller to retry.
/// </summary>
public sealed class AllocationService(OrderlyDbContext db, ReferenceData reference, LedgerStore ledger, PolicyStore policyStore, EventLog events, TimeProvider clock)
{
    private IReadOnlyList<SourcingSite>? _sites;
    private IReadOnlyList<PolicyValue>? _policies;

    // Compiled once: every capture reads the stock on offer for its items at its sourcing sites.
    private static readonly CompiledQuery<Func<OrderlyDbContext, List<long>, List<long>, IAsyncEnumerable<StockOnOffer>>> StockOnOfferAt = new(() =>
        EF.CompileAsyncQuery((OrderlyDbContext db, List<long> itemIds, List<long> siteIds) =>
            from b in db.Balances.AsNoTracking()
            join l in db.Locations.AsNoTracking() on b.LocationId equals l.Id
            where b.Status == InventoryStatus.Available && b.QuantityMilli > 0 && l.Active
                  && itemIds.Contains(b.ItemId) && siteIds.Contains(b.SiteId)
            select new StockOnOffer(b.SiteId, b.LocationId, b.ItemId, l.PickSequence, Quantity.FromMilli(b.QuantityMilli))));

    /// <summary>
    /// Allocates what the order still waits for. On a later pass (<paramref name="firstPass"/> false)
    /// an order that gets nothing new is left untouched, so waiting orders do not collect repeated decisions.
    /// </summary>
    public async Task<IReadOnlyList<OrderDecision>> AllocateAsync(Order order, Customer customer, Site homeSite, DateOnly today, string actor,
        CancellationToken cancellationToken, bool firstPass = true) =>
        await ApplyAsync(order, await PlanAsync(order, customer, homeSite, cancellationToken), today, actor, cancellationToken, firstPass);

    /// <summary>
    /// Reads what allocation needs (policies in force, sites, items, the stock on offer) and plans
    /// the order's waiting lines. It only reads, so it may run before the write transaction: the
    /// conditional takes of <see cref="ApplyAsync"/> catch stock taken meanwhile, and the caller retries.
    /// </summary>
    public async Task<AllocationPlan> PlanAsync(Order order, Customer customer, Site homeSite, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _policies ??= await policyStore.ValuesAsync(cancellationToken);
        var resolved = PolicyResolver.ResolveAll(_policies, new PolicyContext(customer.AccountNumber, customer.Segment, homeSite.Code, homeSite.Region), now);
        _sites ??= [.. (await reference.SitesAsync(cancellationToken)).Select(s => new SourcingSite(s.Id, s.Code, s.Kind == SiteKind.Dc, s.Region))];
        var sourcing = SourcingOrder.For(resolved[PolicyKeys.AllocationSourcing].Value, _sites.Single(s => s.Id == homeSite.Id), _sites);
        var allowSubstitutes = resolved[PolicyKeys.Substitution].Value == PolicyKeys.ApprovedSubstitutes;

        var items = await reference.ItemsByIdAsync([.. order.Lines.Select(l => l.ItemId).Distinct()], cancellationToken);
        var substitutes = allowSubstitutes ? await SubstituteIdsAsync(items.Values, cancellationToken) : [];
        var needs = order.Needs(itemId => substitutes.GetValueOrDefault(itemId, []));

        var takes = needs.Count == 0 ? [] : await PlanAsync(needs, sourcing, allowSubstitutes, resolved[PolicyKeys.Consolidation].Value == PolicyKeys.PerOrder, cancellationToken);
        return new AllocationPlan(resolved, takes, items.ToDictionary(i => i.Key, i => i.Value.ReplenishmentLeadTimeDays), _sites.ToDictionary(s => s.Id, s => s.Code));
    }

    /// <summary>Takes the planned stock through the ledger inside the caller's transaction, applies the plan to the order and records its decisions and events.</summary>
    public async Task<IReadOnlyList<OrderDecision>> ApplyAsync(Order order, AllocationPlan plan, DateOnly today, string actor,
        CancellationToken cancellationToken, bool firstPass = true)
    {
        if (!firstPass && plan.Takes.Count == 0) return [];
        var decisions = await TakeAsync(order, plan, today, actor, cancellationToken);
        await RecordAsync(order, plan, decisions, cancellationToken);
        return decisions;
    }

    /// <summary>
    /// Takes the planned stock through the ledger inside the caller's transaction and applies the plan
    /// to the order; <see cref="RecordAsync"/> then writes the decisions. A capture writes the new order's
    /// rows between the two, so that they are written once, already allocated, before the decisions that refer to them.
    /// </summary>
    public async Task<IReadOnlyList<OrderDecision>> TakeAsync(Order order, AllocationPlan plan, DateOnly today, string actor, CancellationToken cancellationToken,
        InsertBatch? records = null)
    {
        var takes = plan.Takes;
        // In one global order (site, location, item), so two allocations never deadlock; one round trip for all of them.
        var moves = takes.OrderBy(t => t.SiteId).ThenBy(t => t.LocationId).ThenBy(t => t.ItemId)
            .Select(take =>
            {
                var source = new StockBucket(take.SiteId, take.LocationId, take.ItemId, InventoryStatus.Available);
                return StockMovement.Move(source, source with { Status = InventoryStatus.Allocated }, take.Quantity, order.Number);
            }).ToList();
        if (!await ledger.TryPostAllAsync(moves, actor, clock.GetUtcNow(), cancellationToken, records)) throw new AllocationRaceException();
        return order.ApplyAllocation(takes, plan.Policies, itemId => plan.LeadTimes[itemId], siteId => plan.SiteCodes[siteId], today);
    }

    private async Task<List<PlannedTake>> PlanAsync(IReadOnlyList<AllocationNeed> needs, IReadOnlyList<SourcingSite> sourcing, bool allowSubstitutes,
        bool preferSingleSite, CancellationToken cancellationToken)
    {
        var itemIds = needs.SelectMany(n => n.Substitutes.Prepend(n.ItemId)).Distinct().ToList();
        var siteIds = sourcing.Select(s => s.Id).ToList();
        var offer = await StockOnOfferAt.For(db)(db, itemIds, siteIds).ToListAsync(cancellationToken);
        var planner = new AllocationPlanner(offer);
        return [.. planner.Plan(needs, sourcing, allowSubstitutes, preferSingleSite)];
    }

    /// <summary>Each item's approved substitutes that may be sold now, as item ids.</summary>
    private async Task<Dictionary<long, IReadOnlyList<long>>> SubstituteIdsAsync(IEnumerable<Item> items, CancellationToken cancellationToken)
    {
        var lineItems = items.ToList();
        var skus = lineItems.SelectMany(i => i.Substitutes).Distinct().ToList();
        if (skus.Count == 0) return [];
        var found = await reference.ItemsBySkuAsync(skus, cancellationToken);
        return lineItems.ToDictionary(i => i.Id, i => (IReadOnlyList<long>)[.. i.Substitutes
            .Where(sku => found.TryGetValue(sku, out var substitute) && substitute.Active && substitute.Sellable).Select(sku => found[sku].Id)]);
    }

    /// <summary>Writes the decisions an allocation made and appends its events.</summary>
    public Task RecordAsync(Order order, AllocationPlan plan, IReadOnlyList<OrderDecision> decisions, CancellationToken cancellationToken) =>
        Record(order, plan, decisions, db.BeginInserts()).ExecuteAsync(cancellationToken);

    /// <summary>Adds the decisions an allocation made to <paramref name="inserts"/> and appends its events.</summary>
    public InsertBatch Record(Order order, AllocationPlan plan, IReadOnlyList<OrderDecision> decisions, InsertBatch inserts)
    {
        var now = clock.GetUtcNow();
        var (takes, siteCodes) = (plan.Takes, plan.SiteCodes);
        inserts.Add([.. decisions.Select(decision => new OrderDecisionRecord
        {
            OrderId = order.Id,
            LineNumber = decision.LineNumber,
            At = now,
            Outcome = decision.Outcome,
            PolicyKey = decision.Policy.Key,
            PolicyValue = decision.Policy.Value,
            Scope = decision.Policy.Scope,
            ScopeValue = decision.Policy.ScopeValue,
            PolicyVersion = decision.Policy.Version,
            ApprovedBy = decision.Policy.ApprovedBy,
            Explanation = decision.Explanation,
        })]);
        foreach (var group in takes.GroupBy(t => (t.LineNumber, t.SiteId)))
            events.Append(EventTypes.LineAllocated, "order-line", $"{order.Number}/{group.Key.LineNumber}",
                new { line = group.Key.LineNumber, site = siteCodes[group.Key.SiteId], quantity = group.Sum(t => t.Quantity.Milli) / 1000m }, order.Id, siteCodes[group.Key.SiteId]);
        foreach (var line in order.Lines.Where(l => l.BackorderedMilli > 0))
            events.Append(EventTypes.LineBackordered, "order-line", $"{order.Number}/{line.LineNumber}",
                new { line = line.LineNumber, quantity = line.Backordered.Value, promiseDate = line.PromiseDate }, order.Id, siteCodes[order.HomeSiteId]);
        return inserts;
    }
}
