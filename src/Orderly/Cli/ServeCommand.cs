using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orderly.Hosting;

namespace Orderly.Cli;

/// <summary><c>orderly serve</c>: migrates, seeds the demo into an empty embedded database, and serves.</summary>
public static class ServeCommand
{
    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = $"Where to listen, e.g. http://0.0.0.0:8080. Default: $ASPNETCORE_URLS, else {OrderlyServer.DefaultUrl}.",
    };

    private static readonly Option<bool> NoDemo = new("--no-demo")
    {
        Description = "Do not seed the demo distributor into an empty embedded database.",
    };

    public static Command Create()
    {
        var serve = new Command("serve", "Run the web server (API and pages). This is the default command.");
        serve.Options.Add(Urls);
        serve.Options.Add(NoDemo);
        serve.SetAction(RunAsync);
        return serve;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        MallocArenas.Limit(MallocArenas.ForServer);
        var output = parse.InvocationConfiguration.Output;
        var settings = CliHost.Settings(parse);
        var options = new ServerOptions(settings)
        {
            SeedDemoWhenEmpty = settings.IsEmbedded && !parse.GetValue(NoDemo),
            DemoPassword = Environment.GetEnvironmentVariable("ORDERLY_DEMO_PASSWORD"),
            Console = output,
        };
        var args = parse.GetValue(Urls) is { } urls ? new[] { "--urls", urls } : [];
        var app = OrderlyServer.Build(args, options);
        await OrderlyServer.PrepareDatabaseAsync(app, cancellationToken);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var startedIn = DateTime.Now - Process.GetCurrentProcess().StartTime;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Orderly is serving {settings.Describe()} at {string.Join(", ", addresses)} (ready in {startedIn.TotalSeconds:0.0} s). Press Ctrl+C to stop."));
        });
        await app.RunAsync();
        return CliHost.Ok;
    }
}
