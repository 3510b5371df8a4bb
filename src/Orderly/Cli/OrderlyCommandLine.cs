using System.CommandLine;
using Microsoft.Extensions.Options;

namespace Orderly.Cli;

/// <summary>
/// The <c>orderly</c> command line: <c>serve</c> (the default), <c>db migrate</c>, <c>seed demo</c>,
/// <c>user add</c> and <c>token create | list | revoke</c>. Exit codes: 0 done, 1 invalid input, 2 failure.
/// </summary>
public static class OrderlyCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Orderly: fulfillment for multi-site distributors. Run without a command to serve.");
        root.Options.Add(CliHost.Database);
        var serve = ServeCommand.Create();
        foreach (var option in serve.Options) root.Options.Add(option);
        root.SetAction(ServeCommand.RunAsync);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DatabaseCommands.Create());
        root.Subcommands.Add(SeedCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(TokenCommands.Create());
        root.Subcommands.Add(OrderCommands.Create());
        root.Subcommands.Add(ImportCommands.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await Build().Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            // A setting refused when the host starts (Orderly:Gs1CompanyPrefix, say), in the setting's own words.
            foreach (var failure in exception.Failures) configuration.Error.WriteLine($"orderly: {failure}");
            return CliHost.Invalid;
        }
        catch (ArgumentException exception)
        {
            // Input refused deep inside a command (e.g. the demo password from the environment).
            configuration.Error.WriteLine($"orderly: {exception.Message}");
            return CliHost.Invalid;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failure of the environment (database unreachable, disk full), not of the input.
            configuration.Error.WriteLine($"orderly: {exception.GetBaseException().Message}");
            return CliHost.Failed;
        }
    }
}
