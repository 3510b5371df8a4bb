using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Orderly.Core.Orders;
using Orderly.Core.Security;
using Orderly.Data.Security;
using Orderly.Security;
using Spectre.Console;
using Orderly.Application.Orders.Import;
using Orderly.Application.Security;

namespace Orderly.Cli;

/// <summary>
/// <c>orderly orders import FILE --user USER</c>: captures the orders of a CSV or XLSX file through
/// the same validation as the API, acting as USER (its sites and permissions apply). Prints every
/// error with its row and column; exits 1 when any order was rejected.
/// </summary>
public static class OrderCommands
{
    private static readonly Argument<FileInfo> File = new("file") { Description = "A .csv or .xlsx file: a header row, then one row per order line (see docs/cli.md)." };
    private static readonly Option<string> User = new("--user") { Description = "The user the import acts as; it needs orders:capture and the customers' sites.", Required = true };
    private static readonly Option<string> Channel = new("--channel") { Description = "The channel the orders came from: upload (default), edi, portal, phone or api.", DefaultValueFactory = _ => "upload" };

    public static Command Create()
    {
        var import = new Command("import", "Import orders from a CSV or XLSX file.");
        import.Arguments.Add(File);
        import.Options.Add(User);
        import.Options.Add(Channel);
        import.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(File)!;
            if (!file.Exists)
            {
                error.WriteLine($"{file.FullName}: no such file.");
                return CliHost.Invalid;
            }
            if (!Enum.TryParse<OrderChannel>(parse.GetValue(Channel), true, out var channel) || int.TryParse(parse.GetValue(Channel), out _))
            {
                error.WriteLine($"--channel: '{parse.GetValue(Channel)}' is not a channel; use upload, edi, portal, phone or api.");
                return CliHost.Invalid;
            }
            var (rows, fileErrors) = OrderFile.Read(file.FullName);
            if (fileErrors.Count > 0)
            {
                foreach (var message in fileErrors) error.WriteLine($"{file.Name}: {message}");
                return CliHost.Invalid;
            }

            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var actor = await scope.ServiceProvider.GetRequiredService<AccessAdministration>().ActorAsync(parse.GetValue(User)!, $"import {file.Name}");
            if (actor is null)
            {
                error.WriteLine($"--user: there is no user named '{parse.GetValue(User)}'.");
                return CliHost.Invalid;
            }
            if (!actor.Can(Permissions.OrdersCapture))
            {
                error.WriteLine($"--user: {parse.GetValue(User)} may not capture orders (needs {Permissions.OrdersCapture}).");
                return CliHost.Invalid;
            }

            var import = scope.ServiceProvider.GetRequiredService<OrderImport>();
            var outcome = await RunWithProgressAsync(error, progress => import.ImportAsync(rows, channel, actor, progress, cancellationToken));
            foreach (var message in outcome.Errors) error.WriteLine($"{file.Name}: {message}");
            output.WriteLine($"{file.Name}: {outcome.Orders} orders in {rows.Count} rows: {outcome.Created} created, {outcome.Existing} already captured, {outcome.Rejected} rejected.");
            return outcome.Rejected == 0 ? CliHost.Ok : CliHost.Invalid;
        });
        var orders = new Command("orders", "Order administration.");
        orders.Subcommands.Add(import);
        return orders;
    }

    /// <summary>A progress bar on an interactive terminal; nothing extra when standard error is a file or a pipe.</summary>
    private static async Task<ImportOutcome> RunWithProgressAsync(TextWriter error, Func<Action<int, int>?, Task<ImportOutcome>> run)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return await run(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ImportOutcome? outcome = null;
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Importing orders");
            outcome = await run((done, total) =>
            {
                task.MaxValue = total;
                task.Value = done;
            });
        });
        return outcome!;
    }
}
