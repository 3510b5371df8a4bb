using System.Data.Common;
using System.Globalization;

namespace Orderly.BulkBench;

/// <summary>How long each file's rows took to write.</summary>
internal sealed class Timings
{
    public TimeSpan Items { get; set; }
    public TimeSpan Customers { get; set; }
    public TimeSpan Stock { get; set; }
}

/// <summary>Reads the ids a seeded database gave to what the bench refers to by code (same SQL on both engines).</summary>
internal static class Bench
{
    /// <summary>The active locations of the seeded database, in id order: where the bench opens stock.</summary>
    public static async Task<List<BenchLocation>> LocationsAsync(DbConnection connection)
    {
        var locations = new List<BenchLocation>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.code, l.code FROM locations l JOIN sites s ON s.id = l.site_id WHERE l.active ORDER BY l.site_id, l.id";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) locations.Add(new BenchLocation(reader.GetString(0), reader.GetString(1)));
        return locations;
    }

    public static async Task<List<string>> SiteCodesAsync(DbConnection connection) =>
        [.. (await SiteIdsAsync(connection)).Keys.Order(StringComparer.Ordinal)];

    public static async Task<Dictionary<string, long>> SiteIdsAsync(DbConnection connection)
    {
        var sites = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT code, id FROM sites";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sites[reader.GetString(0)] = reader.GetInt64(1);
        return sites;
    }

    /// <summary>(site id, location id) for each of the data's locations, by index.</summary>
    public static async Task<(long Site, long Location)[]> LocationIdsAsync(DbConnection connection, BulkData data)
    {
        var ids = new Dictionary<(string, string), (long, long)>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.code, l.code, s.id, l.id FROM locations l JOIN sites s ON s.id = l.site_id";
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        return [.. data.Locations.Select(l => ids[(l.Site, l.Code)])];
    }

    /// <summary>The id of each of the data's items, by index (after they were written).</summary>
    public static async Task<long[]> ItemIdsAsync(DbConnection connection, BulkData data)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sku, id FROM items";
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids[reader.GetString(0)] = reader.GetInt64(1);
        return [.. data.Items.Select(i => ids[i.Sku])];
    }

    /// <summary>Count and total quantity of the opening movements and of the balances of the bench's items: the ledger must agree with itself.</summary>
    public static async Task<(long Movements, long MovementMilli, long Balances, long BalanceMilli)> LedgerAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM stock_movements m JOIN items i ON i.id = m.item_id WHERE i.sku LIKE 'BLK-%' AND m.reason_code = 'opening-balance'),
                   (SELECT COALESCE(SUM(m.quantity_milli), 0) FROM stock_movements m JOIN items i ON i.id = m.item_id WHERE i.sku LIKE 'BLK-%' AND m.reason_code = 'opening-balance'),
                   (SELECT COUNT(*) FROM stock_balances b JOIN items i ON i.id = b.item_id WHERE i.sku LIKE 'BLK-%'),
                   (SELECT COALESCE(SUM(b.quantity_milli), 0) FROM stock_balances b JOIN items i ON i.id = b.item_id WHERE i.sku LIKE 'BLK-%')
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
    }
}
