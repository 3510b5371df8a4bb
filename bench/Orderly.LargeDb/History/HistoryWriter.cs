using Npgsql;
using NpgsqlTypes;
using Orderly.Core.Orders;

namespace Orderly.LargeDb.History;

/// <summary>The ids the next rows take: one past the highest already stored, so the history can follow other orders.</summary>
internal sealed class NextIds
{
    public long Order { get; set; }
    public long Line { get; set; }
    public long Allocation { get; set; }
    public long Decision { get; set; }
    public long Movement { get; set; }
}

/// <summary>
/// Writes orders as EF Core would store them (the same columns, enum names and JSON), with
/// binary COPY, table by table for each batch so every foreign key points at rows already
/// written. Only the stock still set aside is written as allocations, and each one gets the
/// ledger move (available to allocated) that allocation posts; the balances follow at the end
/// (<see cref="StockLedger"/>). Values are written with the synchronous <c>Write</c>: the importer
/// buffers them, and an awaited call per value costs more than the buffer's rare flush.
/// </summary>
internal sealed class HistoryWriter(NpgsqlConnection connection, NextIds ids, StockLedger ledger, string actor)
{
    public long Orders { get; private set; }
    public long Lines { get; private set; }
    public long Allocations { get; private set; }
    public long Decisions { get; private set; }

    public async Task WriteAsync(IReadOnlyList<HistoricOrder> batch, CancellationToken cancellationToken)
    {
        await WriteOrdersAsync(batch, cancellationToken);
        var lineIds = await WriteLinesAsync(batch, cancellationToken);
        await WriteAllocationsAsync(batch, lineIds, cancellationToken);
        await WriteDecisionsAsync(batch, cancellationToken);
    }

    private async Task WriteOrdersAsync(IReadOnlyList<HistoricOrder> batch, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY orders (id, number, channel, external_ref, customer_id, customer_account, home_site_id, ship_to, requested_date, priority, holds, status, created_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var (id, order, customer, shipTo, _) in batch)
        {
            copy.StartRow();
            copy.Write(id, NpgsqlDbType.Bigint);
            copy.Write($"SO-{id:D7}", NpgsqlDbType.Varchar);
            copy.Write(order.Channel.ToString(), NpgsqlDbType.Varchar);
            copy.Write(order.ExternalRef, NpgsqlDbType.Varchar);
            copy.Write(customer.Id, NpgsqlDbType.Bigint);
            copy.Write(customer.Account, NpgsqlDbType.Varchar);
            copy.Write(customer.Home.Id, NpgsqlDbType.Bigint);
            copy.Write(shipTo, NpgsqlDbType.Varchar);
            if (order.RequestedDate is { } requested) copy.Write(requested, NpgsqlDbType.Date);
            else copy.WriteNull();
            copy.Write(order.Priority.ToString(), NpgsqlDbType.Varchar);
            copy.Write((int)order.Holds, NpgsqlDbType.Integer);
            copy.Write(order.Status.ToString(), NpgsqlDbType.Varchar);
            copy.Write(order.CreatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(cancellationToken);
        Orders += batch.Count;
    }

    private async Task<long[][]> WriteLinesAsync(IReadOnlyList<HistoricOrder> batch, CancellationToken cancellationToken)
    {
        var lineIds = new long[batch.Count][];
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY order_lines (id, order_id, line_number, item_id, sku, requested_quantity, requested_unit, promise_date, quantity_milli, " +
            "allocated_milli, picked_milli, packed_milli, shipped_milli, backordered_milli, cancelled_milli) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var o = 0; o < batch.Count; o++)
        {
            var lines = batch[o].Order.Lines;
            lineIds[o] = new long[lines.Count];
            for (var l = 0; l < lines.Count; l++)
            {
                var line = lines[l];
                var id = lineIds[o][l] = ids.Line++;
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                copy.Write(batch[o].Id, NpgsqlDbType.Bigint);
                copy.Write(line.LineNumber, NpgsqlDbType.Integer);
                copy.Write(line.ItemId, NpgsqlDbType.Bigint);
                copy.Write(line.Sku, NpgsqlDbType.Varchar);
                copy.Write(line.RequestedQuantity, NpgsqlDbType.Numeric);
                copy.Write(line.RequestedUnit, NpgsqlDbType.Varchar);
                if (line.PromiseDate is { } promise) copy.Write(promise, NpgsqlDbType.Date);
                else copy.WriteNull();
                copy.Write(line.QuantityMilli, NpgsqlDbType.Bigint);
                copy.Write(line.AllocatedMilli, NpgsqlDbType.Bigint);
                copy.Write(line.PickedMilli, NpgsqlDbType.Bigint);
                copy.Write(line.PackedMilli, NpgsqlDbType.Bigint);
                copy.Write(line.ShippedMilli, NpgsqlDbType.Bigint);
                copy.Write(line.BackorderedMilli, NpgsqlDbType.Bigint);
                copy.Write(line.CancelledMilli, NpgsqlDbType.Bigint);
            }
        }
        await copy.CompleteAsync(cancellationToken);
        Lines += lineIds.Sum(l => l.Length);
        return lineIds;
    }

    private async Task WriteAllocationsAsync(IReadOnlyList<HistoricOrder> batch, long[][] lineIds, CancellationToken cancellationToken)
    {
        var open = new List<(long OrderId, long LineId, string Number, DateTimeOffset At, LineAllocation Allocation)>();
        for (var o = 0; o < batch.Count; o++)
            for (var l = 0; l < batch[o].Order.Lines.Count; l++)
                foreach (var allocation in batch[o].Order.Lines[l].Allocations)
                    if (allocation.QuantityMilli > 0)
                        open.Add((batch[o].Id, lineIds[o][l], $"SO-{batch[o].Id:D7}", batch[o].Order.CreatedAt, allocation));
        if (open.Count == 0) return;

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY line_allocations (id, order_id, order_line_id, site_id, location_id, item_id, quantity_milli, released) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (orderId, lineId, _, _, allocation) in open)
            {
                copy.StartRow();
                copy.Write(ids.Allocation++, NpgsqlDbType.Bigint);
                copy.Write(orderId, NpgsqlDbType.Bigint);
                copy.Write(lineId, NpgsqlDbType.Bigint);
                copy.Write(allocation.SiteId, NpgsqlDbType.Bigint);
                copy.Write(allocation.LocationId, NpgsqlDbType.Bigint);
                copy.Write(allocation.ItemId, NpgsqlDbType.Bigint);
                copy.Write(allocation.QuantityMilli, NpgsqlDbType.Bigint);
                copy.Write(allocation.Released, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        // The move allocation posts for each take, as LedgerStore records it.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY stock_movements (id, at, kind, site_id, item_id, quantity_milli, from_location_id, from_status, to_location_id, to_status, reference, actor) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (_, _, number, at, allocation) in open)
            {
                copy.StartRow();
                copy.Write(ids.Movement++, NpgsqlDbType.Bigint);
                copy.Write(at, NpgsqlDbType.TimestampTz);
                copy.Write("Move", NpgsqlDbType.Varchar);
                copy.Write(allocation.SiteId, NpgsqlDbType.Bigint);
                copy.Write(allocation.ItemId, NpgsqlDbType.Bigint);
                copy.Write(allocation.QuantityMilli, NpgsqlDbType.Bigint);
                copy.Write(allocation.LocationId, NpgsqlDbType.Bigint);
                copy.Write("available", NpgsqlDbType.Varchar);
                copy.Write(allocation.LocationId, NpgsqlDbType.Bigint);
                copy.Write("allocated", NpgsqlDbType.Varchar);
                copy.Write(number, NpgsqlDbType.Varchar);
                copy.Write(actor, NpgsqlDbType.Varchar);
                ledger.Allocate(allocation.SiteId, allocation.LocationId, allocation.ItemId, allocation.QuantityMilli);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        Allocations += open.Count;
    }

    private async Task WriteDecisionsAsync(IReadOnlyList<HistoricOrder> batch, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY order_decisions (id, order_id, line_number, at, outcome, policy_key, policy_value, scope, scope_value, policy_version, approved_by, explanation) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var (id, order, _, _, decisions) in batch)
            foreach (var decision in decisions)
            {
                copy.StartRow();
                copy.Write(ids.Decision++, NpgsqlDbType.Bigint);
                copy.Write(id, NpgsqlDbType.Bigint);
                if (decision.LineNumber is { } line) copy.Write(line, NpgsqlDbType.Integer);
                else copy.WriteNull();
                copy.Write(order.CreatedAt, NpgsqlDbType.TimestampTz);
                copy.Write(decision.Outcome, NpgsqlDbType.Varchar);
                copy.Write(decision.Policy.Key, NpgsqlDbType.Varchar);
                copy.Write(decision.Policy.Value, NpgsqlDbType.Varchar);
                copy.Write(decision.Policy.Scope.ToString(), NpgsqlDbType.Varchar);
                copy.Write(decision.Policy.ScopeValue, NpgsqlDbType.Varchar);
                copy.Write(decision.Policy.Version, NpgsqlDbType.Integer);
                copy.Write(decision.Policy.ApprovedBy, NpgsqlDbType.Varchar);
                copy.Write(decision.Explanation, NpgsqlDbType.Varchar);
                Decisions++;
            }
        await copy.CompleteAsync(cancellationToken);
    }
}
