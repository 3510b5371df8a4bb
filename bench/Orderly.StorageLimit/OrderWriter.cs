using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orderly.StorageLimit;

/// <summary>A bucket of available stock the limit program takes from, as Orderly's allocation would.</summary>
public sealed record Bucket(long SiteId, long LocationId, long ItemId, string Sku);

/// <summary>A demo customer an order is for.</summary>
public sealed record Customer(long Id, string Account, long HomeSiteId);

/// <summary>
/// Writes the rows one captured and allocated order writes in Orderly, with prepared statements on
/// one connection and one transaction per order: the order, its lines (in their final state), per
/// line a conditional take from available stock, the upsert into allocated, the allocation and the
/// ledger movement, then the decisions and the events. No reads, no ORM, no HTTP: the least work
/// the database engine can be asked to do for the same rows at the same durability settings.
/// </summary>
public sealed class OrderWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly bool _postgres;
    private readonly HashSet<DbCommand> _prepared = [];
    private readonly DbCommand _order, _number, _line, _take, _add, _allocation, _movement, _decision, _event;

    private OrderWriter(DbConnection connection, bool postgres)
    {
        _connection = connection;
        _postgres = postgres;
        _order = Command("""
            INSERT INTO orders (number, channel, external_ref, customer_id, customer_account, home_site_id, ship_to, requested_date, priority, holds, status, created_at)
            VALUES ('', 'Api', @ref, @customer, @account, @site, @shipTo, NULL, 'Standard', 0, 'Allocated', @at) RETURNING id
            """, "ref", "customer", "account", "site", "shipTo", "at");
        // Orderly numbers an order from its id, so the number is written once the id is known.
        _number = Command("UPDATE orders SET number = @number WHERE id = @id", "number", "id");
        _line = Command("""
            INSERT INTO order_lines (order_id, line_number, item_id, sku, requested_quantity, requested_unit, promise_date, quantity_milli,
                allocated_milli, picked_milli, packed_milli, shipped_milli, backordered_milli, cancelled_milli)
            VALUES (@order, @number, @item, @sku, @requested, 'EA', @promise, @milli, @milli, 0, 0, 0, 0, 0) RETURNING id
            """, "order", "number", "item", "sku", "requested", "promise", "milli");
        _take = Command("""
            UPDATE stock_balances SET quantity_milli = quantity_milli - @milli
            WHERE site_id = @site AND location_id = @location AND item_id = @item AND status = 'available' AND quantity_milli >= @milli
            """, "milli", "site", "location", "item");
        _add = Command("""
            INSERT INTO stock_balances (site_id, location_id, item_id, status, quantity_milli) VALUES (@site, @location, @item, 'allocated', @milli)
            ON CONFLICT (site_id, location_id, item_id, status) DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli
            """, "site", "location", "item", "milli");
        _allocation = Command("""
            INSERT INTO line_allocations (order_id, order_line_id, site_id, location_id, item_id, quantity_milli, released)
            VALUES (@order, @line, @site, @location, @item, @milli, @released)
            """, "order", "line", "site", "location", "item", "milli", "released");
        _movement = Command("""
            INSERT INTO stock_movements (at, kind, site_id, item_id, quantity_milli, from_location_id, from_status, to_location_id, to_status, reason_code, reference, actor)
            VALUES (@at, 'Move', @site, @item, @milli, @location, 'available', @location, 'allocated', NULL, @reference, 'bench')
            """, "at", "site", "item", "milli", "location", "reference");
        _decision = Command("""
            INSERT INTO order_decisions (order_id, line_number, at, outcome, policy_key, policy_value, scope, scope_value, policy_version, approved_by, explanation)
            VALUES (@order, @line, @at, @outcome, 'allocation.sourcing', 'home-then-region-dc', 'Enterprise', '', 1, 'standard', @explanation)
            """, "order", "line", "at", "outcome", "explanation");
        _event = Command("""
            INSERT INTO events (at, type, biz_step, entity_type, entity_key, order_id, site_code, data)
            VALUES (@at, @type, 'urn:epcglobal:cbv:bizstep:allocating', 'order-line', @key, @order, 'BR-STL', @data)
            """, "at", "type", "key", "order", "data");
    }

    public static async Task<OrderWriter> OpenAsync(string engine, string connectionString)
    {
        var postgres = engine == "postgres";
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (!postgres)
        {
            // What Orderly's SQLite connections run with: WAL (a property of the file), foreign keys on.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync();
        }
        return new OrderWriter(connection, postgres);
    }

    private IEnumerable<DbCommand> All => [_order, _number, _line, _take, _add, _allocation, _movement, _decision, _event];

    /// <summary>Writes one order of <paramref name="lines"/> in one transaction; false when stock ran out (rolled back).</summary>
    public async Task<bool> WriteAsync(string externalRef, Customer customer, IReadOnlyList<(Bucket Bucket, int Units)> lines, DateTimeOffset at)
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        foreach (var command in All) command.Transaction = transaction;

        var orderId = (long)(await Run(_order, scalar: true, externalRef, customer.Id, customer.Account, customer.HomeSiteId,
            """{"code":"MAIN","name":"Customer","line1":"1 Main St","city":"City","region":"ST","postalCode":"00000","country":"US","isDefault":true}""", Time(at)))!;
        var number = string.Create(CultureInfo.InvariantCulture, $"SO-{orderId:D7}");
        await Run(_number, scalar: false, number, orderId);
        await Run(_event, scalar: false, Time(at), "order.accepted", number, orderId,
            $$"""{"channel":"api","externalRef":"{{externalRef}}","customer":"{{customer.Account}}","lines":{{lines.Count}}}""");

        for (var i = 0; i < lines.Count; i++)
        {
            var (bucket, units) = lines[i];
            var milli = units * 1000L;
            var lineId = (long)(await Run(_line, scalar: true, orderId, i + 1, bucket.ItemId, bucket.Sku, (decimal)units, DateOnly.FromDateTime(at.UtcDateTime), milli))!;
            if ((int)(await Run(_take, scalar: false, milli, bucket.SiteId, bucket.LocationId, bucket.ItemId))! != 1)
            {
                await transaction.RollbackAsync();
                return false;
            }
            await Run(_add, scalar: false, bucket.SiteId, bucket.LocationId, bucket.ItemId, milli);
            await Run(_allocation, scalar: false, orderId, lineId, bucket.SiteId, bucket.LocationId, bucket.ItemId, milli, Flag(false));
            await Run(_movement, scalar: false, Time(at), bucket.SiteId, bucket.ItemId, milli, bucket.LocationId, number);
            var outcome = $"Allocated {units} from BR-STL";
            await Run(_decision, scalar: false, orderId, i + 1, Time(at), outcome,
                $"Line {i + 1}: {outcome}; policy allocation.sourcing = home-then-region-dc (the home site, then the DCs of its region), enterprise standard v1.");
            await Run(_event, scalar: false, Time(at), "line.allocated", $"{number}/{i + 1}", orderId,
                $$"""{"line":{{i + 1}},"site":"BR-STL","quantity":{{units}}}""");
        }
        await Run(_decision, scalar: false, orderId, DBNull.Value, Time(at), "Every line is allocated; the order may be released to the warehouse",
            "Every line is allocated; the order may be released to the warehouse; policy shipment.partial = ship-available (ship what is available), enterprise standard v1.");
        await transaction.CommitAsync();
        return true;
    }

    private async Task<object?> Run(DbCommand command, bool scalar, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        // Prepared on first use, once the parameters carry values (and so types) to prepare with.
        if (_prepared.Add(command)) await command.PrepareAsync();
        return scalar ? await command.ExecuteScalarAsync() : await command.ExecuteNonQueryAsync();
    }

    // The stored forms Orderly's EF model uses: timestamptz and boolean on PostgreSQL; on SQLite
    // DateTimeOffset packed into a long as EF's DateTimeOffsetToBinaryConverter packs it, and booleans as 0 or 1.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "A long on SQLite, a DateTimeOffset on PostgreSQL: object is the type.")]
    private object Time(DateTimeOffset at)
    {
        if (_postgres) return at.ToUniversalTime();
        return ((at.Ticks / 1000) << 11) | ((long)at.Offset.TotalMinutes & 0x07FF);
    }

    private object Flag(bool value)
    {
        if (_postgres) return value;
        return value ? 1 : 0;
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in All) await command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
