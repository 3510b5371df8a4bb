using System.CommandLine;
using Orderly.Application.Demo;

namespace Orderly.Cli;

/// <summary><c>orderly seed demo</c>: seeds the demo distributor into an empty database (e.g. PostgreSQL).</summary>
public static class SeedCommands
{
    private static readonly Option<string?> Password = new("--password")
    {
        Description = "One password for every demo user (default: a random password each, printed once).",
    };

    public static Command Create()
    {
        var demo = new Command("demo", "Seed the demo distributor: 15 sites, 2,400 items, 520 customers, opening stock and one user per role.");
        demo.Options.Add(Password);
        demo.SetAction(async (parse, cancellationToken) =>
        {
            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (!await seeder.IsDatabaseEmptyAsync(cancellationToken))
            {
                parse.InvocationConfiguration.Error.WriteLine("The database already holds sites; the demo seeds only an empty database.");
                return CliHost.Invalid;
            }
            await seeder.SeedAsync(parse.GetValue(Password), parse.InvocationConfiguration.Output, cancellationToken);
            return CliHost.Ok;
        });
        var seed = new Command("seed", "Seed data.");
        seed.Subcommands.Add(demo);
        return seed;
    }
}
