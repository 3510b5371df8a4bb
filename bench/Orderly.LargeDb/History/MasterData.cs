using System.Text.Json;
using Npgsql;
using Orderly.Core.MasterData;
using Orderly.Core.Policies;

namespace Orderly.LargeDb.History;

internal sealed record SiteRef(long Id, string Code, string Region, bool IsDc);

internal sealed record CustomerRef(long Id, string Account, string Segment, SiteRef Home, IReadOnlyList<ShipToAddress> ShipTos,
    IReadOnlyList<string> ShipToJson, bool Blocked, bool CreditHold);

internal sealed record UnitRef(string Unit, decimal Factor);

internal sealed record ItemRef(long Id, string Sku, string BaseUnit, bool Fractional, IReadOnlyList<UnitRef> Packs, int LeadTimeDays);

/// <summary>The available stock of one item at one site, in the bin that holds it; counted down as open orders take it.</summary>
internal sealed class Bucket(long locationId, long milli)
{
    public long LocationId { get; } = locationId;
    public long Milli { get; set; } = milli;
}

/// <summary>
/// What the history is made of, read from a database seeded with the demo distributor: sites,
/// customers with their ship-to addresses, sellable items with their units, the policy values
/// and the available stock per site and item.
/// </summary>
internal sealed class MasterData
{
    // The same options EF's JSON column converters use, so addresses are stored exactly as capture stores them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required IReadOnlyList<SiteRef> Sites { get; init; }
    public required IReadOnlyList<CustomerRef> Customers { get; init; }
    public required IReadOnlyList<ItemRef> Items { get; init; }
    public required IReadOnlyList<PolicyValue> Policies { get; init; }
    public required Dictionary<(long SiteId, long ItemId), Bucket> Available { get; init; }

    public static async Task<MasterData> ReadAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var sites = new List<SiteRef>();
        await foreach (var r in RowsAsync(connection, "SELECT id, code, region, kind FROM sites ORDER BY id", cancellationToken))
            sites.Add(new SiteRef(r.GetInt64(0), r.GetString(1), r.GetString(2), string.Equals(r.GetString(3), "Dc", StringComparison.OrdinalIgnoreCase)));
        var siteById = sites.ToDictionary(s => s.Id);

        var customers = new List<CustomerRef>();
        await foreach (var r in RowsAsync(connection, "SELECT id, account_number, segment, home_site_id, ship_tos, blocked, credit_hold FROM customers ORDER BY id", cancellationToken))
        {
            var shipTos = JsonSerializer.Deserialize<List<ShipToAddress>>(r.GetString(4), Json) ?? [];
            customers.Add(new CustomerRef(r.GetInt64(0), r.GetString(1), r.GetString(2), siteById[r.GetInt64(3)], shipTos,
                shipTos.Select(s => JsonSerializer.Serialize(s, Json)).ToList(), r.GetBoolean(5), r.GetBoolean(6)));
        }

        var items = new List<ItemRef>();
        await foreach (var r in RowsAsync(connection,
            "SELECT id, sku, base_unit, fractional_base_unit, conversions, replenishment_lead_time_days FROM items WHERE active AND sellable ORDER BY id", cancellationToken))
        {
            var packs = JsonSerializer.Deserialize<List<UnitRef>>(r.GetString(4), Json) ?? [];
            items.Add(new ItemRef(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), packs, r.GetInt32(5)));
        }

        var policies = new List<PolicyValue>();
        await foreach (var r in RowsAsync(connection,
            "SELECT key, scope, scope_value, value, version, approved_by, justification, valid_until, created_at FROM policy_values WHERE retired_at IS NULL", cancellationToken))
            policies.Add(new PolicyValue(r.GetString(0), Enum.Parse<PolicyScope>(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<DateTimeOffset>(8)));

        // Allocation takes from bins (the demo keeps each item in one bin per site); the largest bucket wins when there are more.
        var available = new Dictionary<(long, long), Bucket>();
        await foreach (var r in RowsAsync(connection,
            """
            SELECT b.site_id, b.item_id, b.location_id, b.quantity_milli FROM stock_balances b JOIN locations l ON l.id = b.location_id
            WHERE b.status = 'available' AND l.kind = 'Bin' AND l.active AND b.quantity_milli > 0 ORDER BY b.site_id, b.item_id, b.quantity_milli
            """, cancellationToken))
            available[(r.GetInt64(0), r.GetInt64(1))] = new Bucket(r.GetInt64(2), r.GetInt64(3));

        if (sites.Count == 0 || customers.Count == 0 || items.Count == 0)
            throw new InvalidOperationException("The database has no sites, customers or items: run `orderly seed demo --db ...` first.");
        return new MasterData { Sites = sites, Customers = customers, Items = items, Policies = policies, Available = available };
    }

    private static async IAsyncEnumerable<NpgsqlDataReader> RowsAsync(NpgsqlConnection connection, string sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return reader;
    }
}
