using System.CommandLine;
using Microsoft.Extensions.Options;
using Orderly.Application;
using Orderly.Application.Access;
using Orderly.Application.Startup;
using Orderly.Data.Storage;

namespace Orderly.Cli;

/// <summary>
/// What every command shares: the <c>--db</c> option (default <c>ORDERLY_DB</c>), the exit codes,
/// and a plain generic host with the same capability services and settings checks as the server,
/// but no web server, so commands and server apply the same rules.
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

    /// <summary>Who a command acts as: the operating-system user running it, with every permission at every site.</summary>
    public static Actor Actor { get; } = Application.Access.Actor.System($"cli:{Environment.UserName}");

    /// <summary>
    /// Builds the host for a one-off command, checks its settings and brings its database schema up
    /// to date (it never seeds). Logs go to standard error, keeping standard output for the command's answer.
    /// </summary>
    public static async Task<IHost> StartAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddOrderlyCore(Settings(parse), TimeProvider.System)
            .AddAccess()
            .AddOrders()
            .AddInventory()
            .AddWarehouse(builder.Configuration);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        await DatabasePreparation.PrepareAsync(host.Services, seed: null, cancellationToken);
        return host;
    }
}
