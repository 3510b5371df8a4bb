using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Orderly.Application.Import;
using Spectre.Console;
using Orderly.Application.Outcomes;

namespace Orderly.Cli;

/// <summary>
/// <c>orderly import items | customers | stock FILE</c>: loads master data and opening stock from
/// CSV files for a migration, through Orderly's own rules and the engine's bulk path. Every error
/// names its row and column; one invalid row rejects the file and nothing is written (exit 1).
/// The last line on standard output sums up, in a form scripts can read.
/// </summary>
public static class ImportCommands
{
    /// <summary>What an import reports: rows written, of what kind, and the counts that matter for that kind.</summary>
    private sealed record Outcome(int Rows, string Kind, string Details);

    private delegate Task<Outcome?> Run(IServiceProvider services, string path, ImportErrors errors, ImportProgress? progress, CancellationToken cancellationToken);

    public static Command Create()
    {
        var import = new Command("import", "Import master data and opening stock from CSV files (a migration).");
        import.Subcommands.Add(Create("items", "Create or update items by SKU from a CSV file.", ImportItemsAsync));
        import.Subcommands.Add(Create("customers", "Create or update customers by account number from a CSV file.", ImportCustomersAsync));
        import.Subcommands.Add(Create("stock", "Post opening stock balances from a CSV file: one receipt-kind movement per row.", ImportStockAsync));
        return import;
    }

    private static Command Create(string kind, string description, Run run)
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = $"A .csv file with a header row; see docs/cli.md for the {kind} columns." };
        var command = new Command(kind, description);
        command.Arguments.Add(fileArgument);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(fileArgument)!;
            if (!file.Exists)
            {
                error.WriteLine($"{file.FullName}: no such file.");
                return CliHost.Invalid;
            }
            if (!string.Equals(file.Extension, ".csv", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"{file.Name}: only .csv files can be imported.");
                return CliHost.Invalid;
            }
            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var errors = new ImportErrors();
            var watch = Stopwatch.StartNew();
            var outcome = await WithProgressAsync(error, file.Name, progress => run(scope.ServiceProvider, file.FullName, errors, progress, cancellationToken));
            var seconds = watch.Elapsed.TotalSeconds;
            if (outcome is null)
            {
                foreach (var line in errors.Lines()) error.WriteLine($"{file.Name}: {line}");
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {errors.Count} error(s); nothing was imported."));
                return CliHost.Invalid;
            }
            // The numbers without thousands separators, so scripts (scripts/bench-bulk.sh) can read them.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {outcome.Rows} {outcome.Kind} rows from {file.Name} in {seconds:0.00} s ({outcome.Rows / Math.Max(seconds, 1e-3):0} rows/s): {outcome.Details}."));
            return CliHost.Ok;
        });
        return command;
    }

    private static async Task<Outcome?> ImportItemsAsync(IServiceProvider services, string path, ImportErrors errors, ImportProgress? progress, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ItemImport>().ImportAsync(path, CliHost.Actor, errors, cancellationToken) is { } outcome
            ? new Outcome(outcome.Rows, "item", $"{outcome.Created} created, {outcome.Updated} updated")
            : null;

    private static async Task<Outcome?> ImportCustomersAsync(IServiceProvider services, string path, ImportErrors errors, ImportProgress? progress, CancellationToken cancellationToken) =>
        await services.GetRequiredService<CustomerImport>().ImportAsync(path, CliHost.Actor, errors, cancellationToken) is { } outcome
            ? new Outcome(outcome.Rows, "customer", $"{outcome.Created} created, {outcome.Updated} updated")
            : null;

    private static async Task<Outcome?> ImportStockAsync(IServiceProvider services, string path, ImportErrors errors, ImportProgress? progress, CancellationToken cancellationToken) =>
        await services.GetRequiredService<StockImport>().ImportAsync(path, CliHost.Actor, errors, progress, cancellationToken) is { } outcome
            ? new Outcome(outcome.Balances, "stock", string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Balances} opening movements added to their balances, {outcome.ZeroRows} zero rows skipped, reference '{outcome.Reference}'"))
            : null;

    /// <summary>Progress bars for reading and writing on an interactive terminal; nothing extra when standard error is a file or a pipe.</summary>
    private static async Task<Outcome?> WithProgressAsync(TextWriter error, string fileName, Func<ImportProgress?, Task<Outcome?>> run)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return await run(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        Outcome? outcome = null;
        await console.Progress().StartAsync(async context =>
        {
            var reading = context.AddTask($"Reading {fileName}", maxValue: 1);
            var writing = context.AddTask("Writing", maxValue: 1);
            outcome = await run(new ImportProgress(done => reading.Value = done, done => writing.Value = done));
            reading.Value = 1;
            writing.Value = 1;
        });
        return outcome;
    }
}
