using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Orderly.Data;
using Orderly.Data.Storage;

namespace Orderly.Cli;

/// <summary><c>orderly db migrate</c>: brings the schema of the configured database up to date.</summary>
public static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending schema migrations to the database, then exit.");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var settings = CliHost.Settings(parse);
            await using var db = OrderlyDatabase.CreateContext(settings);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await OrderlyDatabase.MigrateAsync(db, cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(pending.Count == 0
                ? $"{settings.Describe()} is up to date."
                : $"Applied {pending.Count} migration(s) to {settings.Describe()}: {string.Join(", ", pending)}.");
            return CliHost.Ok;
        });
        var db = new Command("db", "Database administration.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
