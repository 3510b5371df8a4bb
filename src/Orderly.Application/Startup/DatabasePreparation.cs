using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Demo;
using Orderly.Application.Policies;
using Orderly.Application.Security;
using Orderly.Data;
using Orderly.Data.Storage;

namespace Orderly.Application.Startup;

/// <summary>
/// What every process does with its database before it works: the server before it serves, each
/// command before it runs. The schema is brought up to date, the roles and the policy register's
/// standards exist, and the demo is seeded into an empty embedded database when asked.
/// </summary>
public static class DatabasePreparation
{
    /// <summary>
    /// Returns whether it seeded the demo. <paramref name="afterMigration"/> checks the migrated
    /// database before anything is written to it (the server's check that it can open the sign-in keys).
    /// </summary>
    public static async Task<bool> PrepareAsync(IServiceProvider services, DemoSeed? seed, CancellationToken cancellationToken,
        Func<OrderlyDbContext, CancellationToken, Task>? afterMigration = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        await OrderlyDatabase.MigrateAsync(db, cancellationToken);
        if (afterMigration is not null) await afterMigration(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AccessAdministration>().EnsureRolesAsync();
        await scope.ServiceProvider.GetRequiredService<PolicyStore>().EnsureStandardsAsync(cancellationToken);
        if (seed is null) return false;
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (!await seeder.IsDatabaseEmptyAsync(cancellationToken)) return false;
        await seeder.SeedAsync(seed.Password, seed.Output, cancellationToken);
        return true;
    }
}

/// <summary>Seed the demo into an empty database: one password for every user (random ones when null), and where to print them.</summary>
public sealed record DemoSeed(string? Password, TextWriter Output);
