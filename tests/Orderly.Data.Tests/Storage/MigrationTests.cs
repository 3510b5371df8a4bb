using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Orderly.Testing;

namespace Orderly.Data.Tests.Storage;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_LeavesNothingPending(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        Assert.Empty(await world.Db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.True(await world.Db.Database.CanConnectAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Model_HasNoChangesMissingAMigration(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        Assert.False(world.Db.Database.HasPendingModelChanges(),
            $"The model differs from the {provider} migrations: add one with dotnet ef migrations add (see docs/development.md).");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Twice_IsHarmless(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        await Orderly.Data.Storage.OrderlyDatabase.MigrateAsync(world.Db, TestContext.Current.CancellationToken);
        Assert.Equal(1, await world.Db.Sites.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IsUpToDate_ReadsTheHistory(string provider)
    {
        var settings = await TestDatabase.CreateAsync(provider, "uptodate");
        try
        {
            await using var db = Orderly.Data.Storage.OrderlyDatabase.CreateContext(settings);
            Assert.False(await Orderly.Data.Storage.OrderlyDatabase.IsUpToDateAsync(db, TestContext.Current.CancellationToken), "An empty database has no history table.");
            await Orderly.Data.Storage.OrderlyDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
            Assert.True(await Orderly.Data.Storage.OrderlyDatabase.IsUpToDateAsync(db, TestContext.Current.CancellationToken));

            // A database one migration behind (as after an upgrade of Orderly) is not up to date.
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM __ef_migrations_history WHERE migration_id = {last}", TestContext.Current.CancellationToken);
            Assert.False(await Orderly.Data.Storage.OrderlyDatabase.IsUpToDateAsync(db, TestContext.Current.CancellationToken));
        }
        finally
        {
            await TestDatabase.DropAsync(settings);
        }
    }

    /// <summary>A database one migration behind (as after an upgrade of Orderly) is brought up to date, not skipped.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_ADatabaseOneMigrationBehind_AppliesTheLastOne(string provider)
    {
        var settings = await TestDatabase.CreateAsync(provider, "behind");
        try
        {
            await using var db = Orderly.Data.Storage.OrderlyDatabase.CreateContext(settings);
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[^2], TestContext.Current.CancellationToken);
            Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));

            await Orderly.Data.Storage.OrderlyDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.True(await Orderly.Data.Storage.OrderlyDatabase.IsUpToDateAsync(db, TestContext.Current.CancellationToken));
        }
        finally
        {
            await TestDatabase.DropAsync(settings);
        }
    }
}
