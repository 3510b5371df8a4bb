using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Orderly.BulkBench;

/// <summary>
/// PostgreSQL's bulk limit for the same rows: binary COPY straight into items, customers,
/// stock_movements and stock_balances, one transaction per table group, on the same server.
/// </summary>
internal static class PostgresLimit
{
    public static async Task<Timings> RunAsync(string connectionString, BulkData data, DateTimeOffset at)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var locations = await Bench.LocationIdsAsync(connection, data);
        var sites = await Bench.SiteIdsAsync(connection);
        var timings = new Timings();

        var watch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using (var copy = connection.BeginBinaryImport(
                "COPY items (sku, gtin, description, base_unit, fractional_base_unit, conversions, weight_kg, active, sellable, replenishment_lead_time_days, substitutes) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in data.Items)
                {
                    copy.StartRow();
                    copy.Write(i.Sku, NpgsqlDbType.Varchar);
                    copy.Write(i.Gtin.PadLeft(14, '0'), NpgsqlDbType.Varchar);
                    copy.Write(i.Description, NpgsqlDbType.Varchar);
                    copy.Write(i.BaseUnit, NpgsqlDbType.Varchar);
                    copy.Write(i.Fractional, NpgsqlDbType.Boolean);
                    copy.Write(i.ConversionsJson, NpgsqlDbType.Text);
                    copy.Write(i.WeightKg, NpgsqlDbType.Numeric);
                    copy.Write(true, NpgsqlDbType.Boolean);
                    copy.Write(true, NpgsqlDbType.Boolean);
                    copy.Write(i.LeadTimeDays, NpgsqlDbType.Integer);
                    copy.Write("[]", NpgsqlDbType.Varchar);
                }
                copy.Complete();
            }
            await transaction.CommitAsync();
        }
        timings.Items = watch.Elapsed;
        var itemIds = await Bench.ItemIdsAsync(connection, data);

        watch.Restart();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using (var copy = connection.BeginBinaryImport(
                "COPY customers (account_number, name, segment, home_site_id, ship_tos, blocked, credit_hold) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var c in data.Customers)
                {
                    copy.StartRow();
                    copy.Write(c.Account, NpgsqlDbType.Varchar);
                    copy.Write(c.Name, NpgsqlDbType.Varchar);
                    copy.Write(c.Segment, NpgsqlDbType.Varchar);
                    copy.Write(sites[c.HomeSite], NpgsqlDbType.Bigint);
                    copy.Write(c.ShipTosJson, NpgsqlDbType.Text);
                    copy.Write(false, NpgsqlDbType.Boolean);
                    copy.Write(false, NpgsqlDbType.Boolean);
                }
                copy.Complete();
            }
            await transaction.CommitAsync();
        }
        timings.Customers = watch.Elapsed;

        watch.Restart();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using (var copy = connection.BeginBinaryImport(
                "COPY stock_movements (at, kind, site_id, item_id, quantity_milli, to_location_id, to_status, reason_code, reference, actor) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var b in data.Balances)
                {
                    var (siteId, locationId) = locations[b.Location];
                    copy.StartRow();
                    copy.Write(at, NpgsqlDbType.TimestampTz);
                    copy.Write("Receipt", NpgsqlDbType.Varchar);
                    copy.Write(siteId, NpgsqlDbType.Bigint);
                    copy.Write(itemIds[b.Item], NpgsqlDbType.Bigint);
                    copy.Write(b.Milli, NpgsqlDbType.Bigint);
                    copy.Write(locationId, NpgsqlDbType.Bigint);
                    copy.Write(b.Status, NpgsqlDbType.Varchar);
                    copy.Write("opening-balance", NpgsqlDbType.Varchar);
                    copy.Write("import stock.csv #limit", NpgsqlDbType.Varchar);
                    copy.Write("bench", NpgsqlDbType.Varchar);
                }
                copy.Complete();
            }
            using (var copy = connection.BeginBinaryImport(
                "COPY stock_balances (site_id, location_id, item_id, status, quantity_milli) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var b in data.Balances)
                {
                    var (siteId, locationId) = locations[b.Location];
                    copy.StartRow();
                    copy.Write(siteId, NpgsqlDbType.Bigint);
                    copy.Write(locationId, NpgsqlDbType.Bigint);
                    copy.Write(itemIds[b.Item], NpgsqlDbType.Bigint);
                    copy.Write(b.Status, NpgsqlDbType.Varchar);
                    copy.Write(b.Milli, NpgsqlDbType.Bigint);
                }
                copy.Complete();
            }
            await transaction.CommitAsync();
        }
        timings.Stock = watch.Elapsed;
        return timings;
    }
}
