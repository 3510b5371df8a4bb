using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orderly.Data.Storage;

/// <summary>
/// Which database Orderly uses, from <c>ORDERLY_DB</c>: a <c>Host=...</c> connection string means
/// PostgreSQL; <c>Data Source=...</c> or a file path means SQLite; nothing means the embedded
/// default, <c>orderly.db</c> in the working directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultFile = "orderly.db";

    public static DatabaseSettings Parse(string? orderlyDb)
    {
        var value = orderlyDb?.Trim();
        if (string.IsNullOrEmpty(value))
            return new(DatabaseProvider.Sqlite, $"Data Source={DefaultFile}");
        if (HasKey(value, "Host") || HasKey(value, "Server"))
            return new(DatabaseProvider.Postgres, value);
        if (HasKey(value, "Data Source") || HasKey(value, "DataSource") || HasKey(value, "Filename"))
            return new(DatabaseProvider.Sqlite, value);
        return new(DatabaseProvider.Sqlite, $"Data Source={value}");
    }

    /// <summary>True for the embedded default, which Orderly creates and seeds with the demo on first start.</summary>
    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;

    /// <summary>The connection string with any password masked, fit for logs.</summary>
    public string Describe()
    {
        // The providers' own parsers know every alias of the password key (Pwd, PSW, ...).
        try
        {
            return Provider switch
            {
                DatabaseProvider.Sqlite => $"Sqlite: {new SqliteConnectionStringBuilder(ConnectionString) { Password = "" }.DataSource}",
                DatabaseProvider.Postgres => $"Postgres: {Masked(new NpgsqlConnectionStringBuilder(ConnectionString))}",
            };
        }
        catch (ArgumentException)
        {
            return $"{Provider}: (connection string not readable)";
        }
    }

    private static string Masked(NpgsqlConnectionStringBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Password)) builder.Password = "***";
        return builder.ConnectionString;
    }

    private static bool HasKey(string value, string key) =>
        value.Split(';').Any(part => part.TrimStart().StartsWith(key + "=", StringComparison.OrdinalIgnoreCase)
                                     || part.TrimStart().StartsWith(key + " =", StringComparison.OrdinalIgnoreCase));
}
