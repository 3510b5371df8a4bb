using Npgsql;

namespace Orderly.LargeDb.Queries;

/// <summary>
/// The parameters the bench draws from, read once from the database before anything is timed:
/// the ten accounts with the most orders and the ten with the fewest, and the ids, numbers and
/// external references of 2,000 orders spread over the whole id range.
/// </summary>
internal sealed record Sample(IReadOnlyList<string> LargeAccounts, IReadOnlyList<string> SmallAccounts,
    IReadOnlyList<string> Ids, IReadOnlyList<string> Numbers, IReadOnlyList<string> ExternalRefs)
{
    public static async Task<Sample> ReadAsync(NpgsqlDataSource db, Random random, CancellationToken cancellationToken)
    {
        var accounts = new List<string>();
        await using (var command = db.CreateCommand("SELECT customer_account FROM orders GROUP BY customer_account ORDER BY count(*) DESC, customer_account"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) accounts.Add(reader.GetString(0));
        if (accounts.Count == 0) throw new InvalidOperationException("The database has no orders: run `generate` first.");

        long min, max;
        await using (var command = db.CreateCommand("SELECT min(id), max(id) FROM orders"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (min, max) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var wanted = Enumerable.Range(0, 2000).Select(_ => random.NextInt64(min, max + 1)).ToArray();
        var ids = new List<string>();
        var numbers = new List<string>();
        var refs = new List<string>();
        await using (var command = db.CreateCommand("SELECT id, number, external_ref FROM orders WHERE id = ANY($1) ORDER BY id"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = wanted });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                numbers.Add(reader.GetString(1));
                refs.Add(reader.GetString(2));
            }
        }
        return new Sample(accounts.Take(10).ToList(), accounts.TakeLast(10).ToList(), ids, numbers, refs);
    }
}
