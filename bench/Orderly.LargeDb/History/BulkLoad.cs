using Npgsql;

namespace Orderly.LargeDb.History;

/// <summary>
/// The usual bulk-load settings, all undone by the end of the transaction. Secondary indexes of
/// the three big tables are dropped and rebuilt from their own definitions afterwards (one sort
/// instead of millions of random inserts; a unique index still refuses duplicates when it is
/// rebuilt). When the role may, foreign-key triggers are skipped (session_replication_role =
/// replica): every id the history writes was read from the database or given by the generator.
/// </summary>
internal static class BulkLoad
{
    private static readonly string[] BigTables = ["orders", "order_lines", "order_decisions"];

    public static async Task<IReadOnlyList<string>> PrepareAsync(NpgsqlConnection connection, TextWriter log, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '512MB'", cancellationToken);
        if (await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", cancellationToken))
            await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", cancellationToken);
        else
            log.WriteLine("  (not a superuser: foreign keys are checked row by row, which is slower)");

        var definitions = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY i.relname
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = BigTables });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in definitions)
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        return definitions.Select(d => d.Definition).ToList();
    }

    public static async Task RestoreAsync(NpgsqlConnection connection, IReadOnlyList<string> indexDefinitions, CancellationToken cancellationToken)
    {
        foreach (var definition in indexDefinitions)
            await ExecuteAsync(connection, definition, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 900 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
