using Npgsql;
using Orderly.Data.Storage;

namespace Orderly.Testing;

/// <summary>
/// Fresh, empty databases for tests: a new SQLite file, or a new database on the PostgreSQL
/// server named by <c>ORDERLY_TEST_PG</c> (scripts/test.sh starts one). Each test gets its own,
/// so no test depends on another's data. Without that server a PostgreSQL case is skipped with
/// a reason on a developer's machine, and fails on CI.
/// </summary>
public static class TestDatabase
{
    /// <summary>Removes a database <see cref="CreateAsync"/> made: the SQLite file, or the PostgreSQL database.</summary>
    public static async Task DropAsync(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(file + suffix);
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static string? PostgresServer => Environment.GetEnvironmentVariable("ORDERLY_TEST_PG");

    public const string NoPostgresReason = "ORDERLY_TEST_PG is not set: run scripts/test.sh, which starts a PostgreSQL server for the tests.";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>False only on a developer machine without a PostgreSQL server; on CI its absence is an error.</summary>
    public static bool PostgresRequiredOrAvailable => IsCi || !string.IsNullOrEmpty(PostgresServer);

    public static async Task<DatabaseSettings> CreateAsync(string provider, string purpose)
    {
        var name = $"orderly_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 63) name = name[..63];
        if (provider == Sqlite)
            return DatabaseSettings.Parse(Path.Combine(Path.GetTempPath(), name + ".db"));

        if (string.IsNullOrEmpty(PostgresServer))
        {
            if (IsCi) throw new InvalidOperationException(NoPostgresReason);
            Assert.Skip(NoPostgresReason);
        }
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return DatabaseSettings.Parse(builder.ConnectionString);
    }
}
