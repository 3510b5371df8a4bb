using Npgsql;

namespace Orderly.Data.Storage;

/// <summary>
/// Settings every PostgreSQL session Orderly opens starts with, unless the connection string's
/// <c>Options</c> already sets them.
/// <para>
/// <c>jit=off</c>: PostgreSQL compiles a query to machine code when its estimated cost passes
/// <c>jit_above_cost</c>, which suits long analytic queries. Orderly's queries are short, and a few
/// (a site-scoped order search on a large database) are estimated far above their real cost: on
/// 1,000,000 orders one such count spent 184 to 258 ms compiling and 70 to 80 ms running
/// (docs/performance.md §4).
/// </para>
/// </summary>
public static class PostgresSession
{
    public const string JitOff = "-c jit=off";

    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options ?? "";
        if (options.Contains("jit=", StringComparison.OrdinalIgnoreCase)) return connectionString;
        builder.Options = options.Length == 0 ? JitOff : $"{options} {JitOff}";
        return builder.ConnectionString;
    }
}
