using System.CommandLine;
using Orderly.Data.Storage;
using Orderly.Hosting;

namespace Orderly.Cli;

/// <summary>
/// What every command shares: the <c>--db</c> option (default <c>ORDERLY_DB</c>), the exit codes,
/// and a host built exactly as the server builds it, so commands and server apply the same rules.
/// </summary>
public static class CliHost
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Failed = 2;

    public static readonly Option<string?> Database = new("--db")
    {
        Description = "The database: a SQLite file path or 'Data Source=...', or a PostgreSQL 'Host=...' connection string. Default: $ORDERLY_DB, else orderly.db.",
        Recursive = true,
    };

    /// <summary>The command-line option a field error concerns: <c>expiresInDays</c> is <c>--expires-in-days</c>.</summary>
    public static string OptionName(string field) =>
        "--" + string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Prints each refused value as <c>--option: message</c> and returns the exit code for invalid input.</summary>
    public static int Refused(ParseResult parse, Core.Validation.FieldErrors errors)
    {
        foreach (var (field, messages) in errors.ToDictionary())
            parse.InvocationConfiguration.Error.WriteLine($"{OptionName(field)}: {string.Join(" ", messages)}");
        return Invalid;
    }

    public static DatabaseSettings Settings(ParseResult parse) =>
        DatabaseSettings.Parse(parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("ORDERLY_DB"));

    /// <summary>
    /// Builds the host for a one-off command and brings its database schema up to date (it never
    /// seeds). Logs go to standard error, keeping standard output for the command's answer.
    /// </summary>
    public static async Task<WebApplication> StartAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new ServerOptions(Settings(parse))
        {
            Console = parse.InvocationConfiguration.Error,
            LogToStandardError = true,
            SeedDemoWhenEmpty = false,
            ActorOutsideRequest = $"cli:{Environment.UserName}",
        };
        var app = OrderlyServer.Build([], options);
        await OrderlyServer.PrepareDatabaseAsync(app, cancellationToken);
        return app;
    }
}
