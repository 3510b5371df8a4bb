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
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static string? PostgresServer => Environment.GetEnvironmentVariable("ORDERLY_TEST_PG");

    public static async Task<DatabaseSettings> CreateAsync(string provider, string purpose)
    {
        var name = $"orderly_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 63) name = name[..63];
        if (provider == Sqlite)
            return DatabaseSettings.Parse(Path.Combine(Path.GetTempPath(), name + ".db"));

        if (string.IsNullOrEmpty(PostgresServer))
        {
            const string reason = "ORDERLY_TEST_PG is not set: run scripts/test.sh, which starts a PostgreSQL server for the tests.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(reason);
            Assert.Skip(reason);
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
