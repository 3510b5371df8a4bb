using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orderly.Application.Access;
using Orderly.Application.Events;
using Orderly.Application.Outcomes;
using Orderly.Core.Definitions;
using Orderly.Core.Events;
using Orderly.Core.Inventory;
using Orderly.Core.Orders;
using Orderly.Core.Validation;
using Orderly.Core.Warehouse;
using Orderly.Data;
using Orderly.Data.Inventory;

namespace Orderly.Application.Warehouse;

/// <summary>
/// Packing picked goods into containers with an SSCC, and shipping packed containers with a
/// carrier, which takes the stock out of the ledger; for the API and the pages alike.
/// </summary>
public sealed class Shipping(OrderlyDbContext db, LedgerStore ledger, EventLog events, TimeProvider clock, IOptions<Gs1Options> gs1)
{
    public async Task<Outcome<ContainerResponse>> PackAsync(string site, PackRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (context, problem) = await SiteContext.FindAsync(site, actor, db, cancellationToken);
        if (context is null) return Refusal.NotFound(problem!);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var order = await FindOrderAsync(request.Order, cancellationToken);
        if (order is null) return Refusal.Invalid("order", $"There is no order '{request.Order}'.");
        if (order.WarehouseRefusal() is { } held) return Refusal.Conflict("order-held", held);
        var errors = new FieldErrors();
        if (request.Lines is not { Count: > 0 }) errors.Add("lines", "Say which lines go into the container, and how many of each.");
        var picked = await PickedNotPackedAsync(order.Id, context.Site.Id, cancellationToken);
        var contents = new List<ContainerLine>();
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var wanted = request.Lines![i];
            var line = order.Lines.SingleOrDefault(l => l.LineNumber == wanted?.Line);
            if (wanted is null || line is null) { errors.Add($"lines[{i}].line", $"Order {order.Number} has no line {wanted?.Line}."); continue; }
            if (wanted.Quantity is not > 0 || !Quantity.TryCreate(wanted.Quantity.Value, out var quantity, out _))
            { errors.Add($"lines[{i}].quantity", "A quantity of more than zero is required."); continue; }
            var available = picked.Where(p => p.Key.Line == line.LineNumber).Sum(p => p.Value);
            if (quantity.Milli > available)
            { errors.Add($"lines[{i}].quantity", $"Line {line.LineNumber} has {available / 1000m} picked at {context.Site.Code} and not yet packed."); continue; }
            var left = quantity.Milli;
            foreach (var ((lineNumber, itemId), milli) in picked.Where(p => p.Key.Line == line.LineNumber).ToList())
            {
                var take = Math.Min(left, milli);
                if (take == 0) continue;
                contents.Add(new ContainerLine(lineNumber, itemId, take));
                picked[(lineNumber, itemId)] -= take;
                left -= take;
            }
        }
        if (!errors.IsEmpty) return Refusal.Invalid(errors);

        var now = clock.GetUtcNow();
        foreach (var content in contents)
        {
            var pickedStock = new StockBucket(context.Site.Id, context.Staging.Id, content.ItemId, InventoryStatus.Picked);
            if (!await ledger.TryPostAsync(StockMovement.Move(pickedStock, pickedStock with { Status = InventoryStatus.Packed }, Quantity.FromMilli(content.QuantityMilli), order.Number), actor.Name, now, cancellationToken))
                throw new InvalidOperationException($"The ledger holds less picked stock at {context.Site.Code} than order {order.Number} records; the books disagree.");
            order.RecordPack(content.LineNumber, Quantity.FromMilli(content.QuantityMilli));
        }
        // The serial reference is the container's own id: unique for as long as the data lives, never reused.
        var container = new Container(context.Site.Id, order.Id, contents, now);
        db.Containers.Add(container);
        await db.SaveChangesAsync(cancellationToken);
        var sscc = container.AssignSscc(gs1.Value.Gs1CompanyPrefix);
        events.Append(EventTypes.ContainerPacked, "container", sscc.Value,
            new { order = order.Number, lines = contents.Select(c => new { line = c.LineNumber, quantity = c.QuantityMilli / 1000m }) }, order.Id, context.Site.Code);
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Response(container, context.Site.Code, order.Number);
    }

    public async Task<Outcome<ShipmentResponse>> ShipAsync(string site, ShipRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (context, problem) = await SiteContext.FindAsync(site, actor, db, cancellationToken);
        if (context is null) return Refusal.NotFound(problem!);
        var errors = new FieldErrors();
        var carrier = request.Carrier?.Trim().ToUpperInvariant() ?? "";
        if (carrier.Length is 0 or > 20) errors.Add("carrier", "A carrier code of 1 to 20 characters is required (e.g. UPS).");
        var service = request.Service?.Trim() ?? "";
        if (service.Length is 0 or > 40) errors.Add("service", "A service of 1 to 40 characters is required (e.g. Ground).");
        var tracking = request.TrackingNumber?.Trim() ?? "";
        if (tracking.Length is 0 or > 40) errors.Add("trackingNumber", "A tracking number of 1 to 40 characters is required.");
        if (request.Containers is not { Count: > 0 }) errors.Add("containers", "List the SSCCs of the containers that go.");
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var order = await FindOrderAsync(request.Order, cancellationToken);
        if (order is null) errors.Add("order", $"There is no order '{request.Order}'.");
        if (order?.WarehouseRefusal() is { } held) return Refusal.Conflict("order-held", held);
        var ssccs = request.Containers?.Select(c => c?.Trim() ?? "").ToList() ?? [];
        var containers = await db.Containers.Where(c => ssccs.Contains(c.Sscc) && c.SiteId == context.Site.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < ssccs.Count; i++)
        {
            var container = containers.SingleOrDefault(c => c.Sscc == ssccs[i]);
            if (container is null) errors.Add($"containers[{i}]", $"There is no container {ssccs[i]} packed at {context.Site.Code}.");
            else if (container.Status != ContainerStatus.Packed) errors.Add($"containers[{i}]", $"Container {ssccs[i]} is not packed and waiting: it has already shipped.");
            else if (order is not null && container.OrderId != order.Id) errors.Add($"containers[{i}]", $"Container {ssccs[i]} belongs to another order.");
        }
        if (await db.Shipments.AnyAsync(s => s.Carrier == carrier && s.TrackingNumber == tracking, cancellationToken))
            errors.Add("trackingNumber", $"{carrier} tracking number {tracking} is already used by another shipment.");
        if (!errors.IsEmpty) return Refusal.Invalid(errors);

        var now = clock.GetUtcNow();
        var shipment = new Shipment(context.Site.Id, order!.Id, carrier, service, tracking, now);
        db.Shipments.Add(shipment);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var container in containers)
        {
            foreach (var content in container.Lines)
            {
                var packed = new StockBucket(context.Site.Id, context.Staging.Id, content.ItemId, InventoryStatus.Packed);
                if (!await ledger.TryPostAsync(StockMovement.Shipment(packed, Quantity.FromMilli(content.QuantityMilli), tracking), actor.Name, now, cancellationToken))
                    throw new InvalidOperationException($"The ledger holds less packed stock at {context.Site.Code} than container {container.Sscc} records; the books disagree.");
                order.RecordShipment(content.LineNumber, Quantity.FromMilli(content.QuantityMilli));
            }
            container.Ship(shipment.Id);
        }
        events.Append(EventTypes.ShipmentShipped, "shipment", $"{carrier}/{tracking}",
            new { order = order.Number, carrier, service, trackingNumber = tracking, containers = ssccs }, order.Id, context.Site.Code);
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ShipmentResponse(shipment.Id, context.Site.Code, order.Number, carrier, service, tracking, "shipped", now, ssccs);
    }

    private async Task<Order?> FindOrderAsync(string? number, CancellationToken cancellationToken)
    {
        var key = number?.Trim().ToUpperInvariant() ?? "";
        return key.Length == 0 ? null : await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Allocations)
            .SingleOrDefaultAsync(o => o.Number == key, cancellationToken);
    }

    /// <summary>Per (line, item), what the order's tasks at the site picked and its containers have not yet taken.</summary>
    private async Task<Dictionary<(int Line, long Item), long>> PickedNotPackedAsync(long orderId, long siteId, CancellationToken cancellationToken)
    {
        var picked = await (
            from t in db.PickTasks
            join a in db.LineAllocations on t.AllocationId equals a.Id
            join l in db.OrderLines on a.OrderLineId equals l.Id
            where t.OrderId == orderId && t.SiteId == siteId && t.PickedMilli > 0
            group t by new { l.LineNumber, t.ItemId } into g
            select new { g.Key.LineNumber, g.Key.ItemId, Milli = g.Sum(t => t.PickedMilli) }).ToListAsync(cancellationToken);
        var containers = await db.Containers.AsNoTracking().Where(c => c.OrderId == orderId && c.SiteId == siteId).ToListAsync(cancellationToken);
        var packed = containers.SelectMany(c => c.Lines).GroupBy(l => (l.LineNumber, l.ItemId)).ToDictionary(g => g.Key, g => g.Sum(l => l.QuantityMilli));
        return picked.ToDictionary(p => (p.LineNumber, p.ItemId), p => p.Milli - packed.GetValueOrDefault((p.LineNumber, p.ItemId)));
    }

    private static ContainerResponse Response(Container container, string site, string order) => new(container.Id, container.Sscc, site, order,
        container.Status.ToString().ToLowerInvariant(), container.Lines.GroupBy(l => l.LineNumber).Select(g => new PackLine(g.Key, g.Sum(l => l.QuantityMilli) / 1000m)).ToList());
}
