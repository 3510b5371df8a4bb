using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Data;
using Orderly.Data.Audit;
using Orderly.Data.Inventory;
using Orderly.Data.Storage;

namespace Orderly.Data.Import;

/// <summary>
/// PostgreSQL's bulk path: binary COPY. Movements are appended, so they are copied straight into
/// their table, and so are the balances of items that hold no stock yet. Rows that may meet an
/// existing key (items, customers, balances of stocked items) are copied into a temporary table
/// and merged by one INSERT ... ON CONFLICT, so an existing record is updated (a balance added
/// to) even if another writer created it a moment ago.
/// </summary>
internal sealed class PostgresImportStore(OrderlyDbContext db) : IImportStore
{
    private const int ProgressEvery = 10_000;

    public async Task<HashSet<string>> StoredKeysAsync(ImportKey kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var (table, column) = ImportCommand.Of(kind);
        // One JSON array parameter, not one parameter per key (a file names thousands), and not a text[]
        // either: a fresh process spent 60 to 100 ms readying Npgsql's array handling for this one query.
        await using var command = new NpgsqlCommand($"SELECT {column} FROM {table} WHERE {column} IN (SELECT jsonb_array_elements_text($1::jsonb))", Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(keys, StoredJson.For<IReadOnlyCollection<string>>()), NpgsqlDbType = NpgsqlDbType.Text });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) stored.Add(reader.GetString(0));
        return stored;
    }

    public async Task WriteAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_log (at, actor, action, entity_type, entity_key, site_code, before, after, reason, correlation_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, Connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.At.ToUniversalTime() });
        foreach (var text in new[] { entry.Actor, entry.Action, entry.EntityType, entry.EntityKey, entry.SiteCode, entry.Before, entry.After, entry.Reason, entry.CorrelationId })
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A table an import upserts by copy: its name, key, columns (in the order rows are copied), the same columns' types, and what a merge updates.</summary>
    private sealed record CopiedTable(string Name, string Key, string Columns, string ColumnTypes, string Updates);

    private static readonly CopiedTable Items = new("items", "sku",
        "sku, gtin, description, base_unit, fractional_base_unit, conversions, weight_kg, active, sellable, replenishment_lead_time_days, substitutes",
        """
        sku varchar(40), gtin varchar(14), description varchar(200), base_unit varchar(10), fractional_base_unit boolean, conversions text,
        weight_kg numeric(12,3), active boolean, sellable boolean, replenishment_lead_time_days integer, substitutes varchar(1000)
        """,
        """
        gtin = excluded.gtin, description = excluded.description, conversions = excluded.conversions, weight_kg = excluded.weight_kg,
        active = excluded.active, sellable = excluded.sellable, replenishment_lead_time_days = excluded.replenishment_lead_time_days,
        substitutes = excluded.substitutes
        """);

    private static readonly CopiedTable Customers = new("customers", "account_number",
        "account_number, name, segment, home_site_id, ship_tos, blocked, credit_hold",
        "account_number varchar(20), name varchar(100), segment varchar(40), home_site_id bigint, ship_tos text, blocked boolean, credit_hold boolean",
        """
        name = excluded.name, segment = excluded.segment, home_site_id = excluded.home_site_id, ship_tos = excluded.ship_tos,
        blocked = excluded.blocked, credit_hold = excluded.credit_hold
        """);

    public Task WriteItemsAsync(IEnumerable<ItemRow> items, bool noneStored, CancellationToken cancellationToken) =>
        UpsertByCopyAsync(Items, noneStored, sql => CopyItems(items, sql, cancellationToken), cancellationToken);

    public Task WriteCustomersAsync(IEnumerable<CustomerRow> customers, bool noneStored, CancellationToken cancellationToken) =>
        UpsertByCopyAsync(Customers, noneStored, sql => CopyCustomers(customers, sql, cancellationToken), cancellationToken);

    /// <summary>
    /// When none of the rows' keys is stored (a migration's first load), the rows are copied straight
    /// into the table; otherwise into a temporary table, then merged by one INSERT ... ON CONFLICT.
    /// Should another writer create one of the keys in between, the unique index refuses the copy
    /// and nothing is written.
    /// </summary>
    private async Task UpsertByCopyAsync(CopiedTable table, bool noneStored, Action<string> copy, CancellationToken cancellationToken)
    {
        if (noneStored)
        {
            copy($"COPY {table.Name} ({table.Columns}) FROM STDIN (FORMAT BINARY)");
            return;
        }
        var staging = "import_" + table.Name;
        await ExecuteAsync($"CREATE TEMP TABLE {staging} ({table.ColumnTypes}) ON COMMIT DROP", cancellationToken);
        copy($"COPY {staging} ({table.Columns}) FROM STDIN (FORMAT BINARY)");
        await ExecuteAsync($"""
            INSERT INTO {table.Name} ({table.Columns}) SELECT {table.Columns} FROM {staging}
            ON CONFLICT ({table.Key}) DO UPDATE SET {table.Updates}
            """, cancellationToken);
    }

    /// <summary>Copies the items, their values in the order of <see cref="Items"/>' columns.</summary>
    private void CopyItems(IEnumerable<ItemRow> items, string sql, CancellationToken cancellationToken)
    {
        using var copy = Copy(sql);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = item.Details;
            copy.StartRow();
            copy.Write(item.Sku, NpgsqlDbType.Varchar);
            if (item.Gtin14 is { } gtin) copy.Write(gtin, NpgsqlDbType.Varchar);
            else copy.WriteNull();
            copy.Write(d.Description, NpgsqlDbType.Varchar);
            copy.Write(d.BaseUnit, NpgsqlDbType.Varchar);
            copy.Write(d.FractionalBaseUnit, NpgsqlDbType.Boolean);
            copy.Write(item.ConversionsJson, NpgsqlDbType.Text);
            copy.Write(d.WeightKg, NpgsqlDbType.Numeric);
            copy.Write(d.Active, NpgsqlDbType.Boolean);
            copy.Write(d.Sellable, NpgsqlDbType.Boolean);
            copy.Write(d.ReplenishmentLeadTimeDays, NpgsqlDbType.Integer);
            copy.Write(item.SubstitutesJson, NpgsqlDbType.Varchar);
        }
        copy.Complete();
    }

    /// <summary>Copies the customers, their values in the order of <see cref="Customers"/>' columns.</summary>
    private void CopyCustomers(IEnumerable<CustomerRow> customers, string sql, CancellationToken cancellationToken)
    {
        using var copy = Copy(sql);
        foreach (var customer in customers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = customer.Details;
            copy.StartRow();
            copy.Write(customer.Account, NpgsqlDbType.Varchar);
            copy.Write(d.Name, NpgsqlDbType.Varchar);
            copy.Write(d.Segment, NpgsqlDbType.Varchar);
            copy.Write(d.HomeSiteId, NpgsqlDbType.Bigint);
            copy.Write(customer.ShipTosJson, NpgsqlDbType.Text);
            copy.Write(d.Blocked, NpgsqlDbType.Boolean);
            copy.Write(d.CreditHold, NpgsqlDbType.Boolean);
        }
        copy.Complete();
    }

    public async Task WriteStockAsync(IReadOnlyList<OpeningBalance> balances, OpeningMovements movements, Action<int>? progress, CancellationToken cancellationToken)
    {
        using (var copy = Copy(
            "COPY stock_movements (at, kind, site_id, item_id, quantity_milli, to_location_id, to_status, reason_code, reference, actor) FROM STDIN (FORMAT BINARY)"))
        {
            var kind = nameof(MovementKind.Receipt);
            for (var i = 0; i < balances.Count; i++)
            {
                var row = balances[i];
                copy.StartRow();
                copy.Write(movements.At, NpgsqlDbType.TimestampTz);
                copy.Write(kind, NpgsqlDbType.Varchar);
                copy.Write(row.SiteId, NpgsqlDbType.Bigint);
                copy.Write(row.ItemId, NpgsqlDbType.Bigint);
                copy.Write(row.Milli, NpgsqlDbType.Bigint);
                copy.Write(row.LocationId, NpgsqlDbType.Bigint);
                copy.Write(row.Status.Code(), NpgsqlDbType.Varchar);
                copy.Write(OpeningMovements.ReasonCode, NpgsqlDbType.Varchar);
                copy.Write(movements.Reference, NpgsqlDbType.Varchar);
                copy.Write(movements.Actor, NpgsqlDbType.Varchar);
                if ((i + 1) % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Invoke((i + 1) / 2);
                }
            }
            copy.Complete();
        }
        if (!await AnyBalanceOfAsync(balances, cancellationToken) && await TryCopyBalancesAsync(balances, progress, cancellationToken)) return;
        await MergeBalancesAsync(balances, progress, cancellationToken);
    }

    /// <summary>
    /// When no item of the file holds stock anywhere (a first migration), no balance can exist yet
    /// and the balances are copied straight into their table, as fast as COPY goes. A savepoint
    /// covers the race with a writer that opens one of these buckets meanwhile: its unique key
    /// stops the copy, which is undone, and the import merges instead.
    /// </summary>
    private async Task<bool> TryCopyBalancesAsync(IReadOnlyList<OpeningBalance> balances, Action<int>? progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync("SAVEPOINT import_balances", cancellationToken);
        try
        {
            using var copy = Copy($"COPY stock_balances ({LedgerSql.BalanceColumns}) FROM STDIN (FORMAT BINARY)");
            WriteBalances(copy, balances, progress, cancellationToken);
            copy.Complete();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync("ROLLBACK TO SAVEPOINT import_balances", cancellationToken);
            return false;
        }
        await ExecuteAsync("RELEASE SAVEPOINT import_balances", cancellationToken);
        progress?.Invoke(balances.Count);
        return true;
    }

    /// <summary>Adds to existing balances: the rows go to a temporary table, then one INSERT ... ON CONFLICT adds each to its bucket.</summary>
    private async Task MergeBalancesAsync(IReadOnlyList<OpeningBalance> balances, Action<int>? progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync("""
            CREATE TEMP TABLE import_balances (site_id bigint, location_id bigint, item_id bigint, status varchar(12), quantity_milli bigint) ON COMMIT DROP
            """, cancellationToken);
        using (var copy = Copy("COPY import_balances FROM STDIN (FORMAT BINARY)"))
        {
            WriteBalances(copy, balances, progress, cancellationToken);
            copy.Complete();
        }
        await ExecuteAsync(LedgerSql.AddFrom("import_balances"), cancellationToken);
        progress?.Invoke(balances.Count);
    }

    private static void WriteBalances(NpgsqlBinaryImporter copy, IReadOnlyList<OpeningBalance> balances, Action<int>? progress, CancellationToken cancellationToken)
    {
        for (var i = 0; i < balances.Count; i++)
        {
            var row = balances[i];
            copy.StartRow();
            copy.Write(row.SiteId, NpgsqlDbType.Bigint);
            copy.Write(row.LocationId, NpgsqlDbType.Bigint);
            copy.Write(row.ItemId, NpgsqlDbType.Bigint);
            copy.Write(row.Status.Code(), NpgsqlDbType.Varchar);
            copy.Write(row.Milli, NpgsqlDbType.Bigint);
            if ((i + 1) % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The movements were the first half of the work.
                progress?.Invoke((balances.Count + i + 1) / 2);
            }
        }
    }

    private async Task<bool> AnyBalanceOfAsync(IReadOnlyList<OpeningBalance> balances, CancellationToken cancellationToken)
    {
        var items = balances.Select(b => b.ItemId).Distinct().ToArray();
        // One array parameter, not one parameter per key: a file names thousands.
        return await db.Balances.AnyAsync(b => EF.Parameter(items).Contains(b.ItemId), cancellationToken);
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>A COPY of a million rows, or the merge after it, can outlast the 30-second default of a command: an import has no time limit.</summary>
    private NpgsqlBinaryImporter Copy(string sql)
    {
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        var copy = Connection.BeginBinaryImport(sql);
        copy.Timeout = TimeSpan.Zero;
        return copy;
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
}
