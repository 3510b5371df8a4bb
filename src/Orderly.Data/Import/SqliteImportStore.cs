using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Data;
using Orderly.Data.Audit;
using Orderly.Data.Inventory;
using Orderly.Data.Storage;

namespace Orderly.Data.Import;

/// <summary>
/// SQLite's bulk path: one prepared statement per table, its parameters rebound for each row, all
/// in the caller's transaction. SQLite runs in this process, so there are no round trips to
/// batch: the cost per row is binding and stepping the statement.
/// </summary>
internal sealed class SqliteImportStore(OrderlyDbContext db) : IImportStore
{
    // The model stores DateTimeOffset on SQLite as a sortable integer (see SqliteOrderlyDbContext).
    private static readonly DateTimeOffsetToBinaryConverter Timestamps = new();

    private const int ProgressEvery = 10_000;

    public async Task<HashSet<string>> StoredKeysAsync(ImportKey kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var (table, column) = ImportCommand.Of(kind);
        // One JSON array parameter, not one parameter per key: a file names thousands.
        using var command = Command($"SELECT {column} FROM {table} WHERE {column} IN (SELECT value FROM json_each($keys))", "$keys");
        command.Parameters[0].Value = JsonSerializer.Serialize(keys, StoredJson.For<IReadOnlyCollection<string>>());
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) stored.Add(reader.GetString(0));
        return stored;
    }

    public Task WriteAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        using var command = Command("""
            INSERT INTO audit_log (at, actor, action, entity_type, entity_key, site_code, before, after, reason, correlation_id)
            VALUES ($at, $actor, $action, $entity_type, $entity_key, $site_code, $before, $after, $reason, $correlation_id)
            """, "$at", "$actor", "$action", "$entity_type", "$entity_key", "$site_code", "$before", "$after", "$reason", "$correlation_id");
        var p = command.Parameters;
        p[0].Value = Timestamps.ConvertToProvider(entry.At);
        p[1].Value = entry.Actor;
        p[2].Value = entry.Action;
        p[3].Value = entry.EntityType;
        p[4].Value = entry.EntityKey;
        p[5].Value = (object?)entry.SiteCode ?? DBNull.Value;
        p[6].Value = (object?)entry.Before ?? DBNull.Value;
        p[7].Value = (object?)entry.After ?? DBNull.Value;
        p[8].Value = (object?)entry.Reason ?? DBNull.Value;
        p[9].Value = (object?)entry.CorrelationId ?? DBNull.Value;
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task WriteItemsAsync(IEnumerable<ItemRow> items, bool noneStored, CancellationToken cancellationToken)
    {
        using var command = Command("""
            INSERT INTO items (sku, gtin, description, base_unit, fractional_base_unit, conversions, weight_kg, active, sellable, replenishment_lead_time_days, substitutes)
            VALUES ($sku, $gtin, $description, $base_unit, $fractional, $conversions, $weight, $active, $sellable, $lead_time, $substitutes)
            ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, description = excluded.description, conversions = excluded.conversions,
              weight_kg = excluded.weight_kg, active = excluded.active, sellable = excluded.sellable,
              replenishment_lead_time_days = excluded.replenishment_lead_time_days, substitutes = excluded.substitutes
            """, "$sku", "$gtin", "$description", "$base_unit", "$fractional", "$conversions", "$weight", "$active", "$sellable", "$lead_time", "$substitutes");
        var p = command.Parameters;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = item.Details;
            p[0].Value = item.Sku;
            p[1].Value = (object?)item.Gtin14 ?? DBNull.Value;
            p[2].Value = d.Description;
            p[3].Value = d.BaseUnit;
            p[4].Value = d.FractionalBaseUnit;
            p[5].Value = item.ConversionsJson;
            p[6].Value = d.WeightKg;
            p[7].Value = d.Active;
            p[8].Value = d.Sellable;
            p[9].Value = d.ReplenishmentLeadTimeDays;
            p[10].Value = item.SubstitutesJson;
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task WriteCustomersAsync(IEnumerable<CustomerRow> customers, bool noneStored, CancellationToken cancellationToken)
    {
        using var command = Command("""
            INSERT INTO customers (account_number, name, segment, home_site_id, ship_tos, blocked, credit_hold)
            VALUES ($account, $name, $segment, $home_site, $ship_tos, $blocked, $credit_hold)
            ON CONFLICT (account_number) DO UPDATE SET name = excluded.name, segment = excluded.segment, home_site_id = excluded.home_site_id,
              ship_tos = excluded.ship_tos, blocked = excluded.blocked, credit_hold = excluded.credit_hold
            """, "$account", "$name", "$segment", "$home_site", "$ship_tos", "$blocked", "$credit_hold");
        var p = command.Parameters;
        foreach (var customer in customers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = customer.Details;
            p[0].Value = customer.Account;
            p[1].Value = d.Name;
            p[2].Value = d.Segment;
            p[3].Value = d.HomeSiteId;
            p[4].Value = customer.ShipTosJson;
            p[5].Value = d.Blocked;
            p[6].Value = d.CreditHold;
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task WriteStockAsync(IReadOnlyList<OpeningBalance> balances, OpeningMovements movements, Action<int>? progress, CancellationToken cancellationToken)
    {
        using var movement = Command("""
            INSERT INTO stock_movements (at, kind, site_id, item_id, quantity_milli, to_location_id, to_status, reason_code, reference, actor)
            VALUES ($at, $kind, $site, $item, $quantity, $location, $status, $reason, $reference, $actor)
            """, "$site", "$item", "$quantity", "$location", "$status", "$at", "$kind", "$reason", "$reference", "$actor");
        using var balance = Command(LedgerSql.Add("$site", "$location", "$item", "$status", "$quantity"), "$site", "$location", "$item", "$status", "$quantity");
        using var cache = LargerPageCache();
        var m = movement.Parameters;
        m[5].Value = Timestamps.ConvertToProvider(movements.At);
        m[6].Value = nameof(MovementKind.Receipt);
        m[7].Value = OpeningMovements.ReasonCode;
        m[8].Value = movements.Reference;
        m[9].Value = movements.Actor;
        var b = balance.Parameters;
        for (var i = 0; i < balances.Count; i++)
        {
            var row = balances[i];
            var status = row.Status.Code();
            m[0].Value = row.SiteId;
            m[1].Value = row.ItemId;
            m[2].Value = row.Milli;
            m[3].Value = row.LocationId;
            m[4].Value = status;
            movement.ExecuteNonQuery();
            b[0].Value = row.SiteId;
            b[1].Value = row.LocationId;
            b[2].Value = row.ItemId;
            b[3].Value = status;
            b[4].Value = row.Milli;
            balance.ExecuteNonQuery();
            if ((i + 1) % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(i + 1);
            }
        }
        progress?.Invoke(balances.Count);
        return Task.CompletedTask;
    }

    /// <summary>Page cache for a bulk load, in KiB (SQLite's default is 2 MiB).</summary>
    public const int BulkPageCacheKib = 64 * 1024;

    /// <summary>
    /// A million rows touch far more index pages than SQLite's default 2 MiB cache holds; evicted
    /// dirty pages are then written to the WAL again and again. The load gets a 64 MiB cache, and
    /// the pooled connection gets its own setting back afterwards. Durability is unchanged.
    /// </summary>
    private PageCache LargerPageCache()
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        PageCache.Set(connection, -BulkPageCacheKib);
        return new PageCache(connection, previous);
    }

    private sealed class PageCache(SqliteConnection connection, long previous) : IDisposable
    {
        public static void Set(SqliteConnection connection, long size)
        {
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}");
            command.ExecuteNonQuery();
        }

        public void Dispose() => Set(connection, previous);
    }

    /// <summary>A prepared command in the context's transaction, with one parameter per name, in that order.</summary>
    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Imports write inside a write transaction."));
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }
}
