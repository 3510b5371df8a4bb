using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
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

    /// <summary>
    /// No migration, up or down, has a command EF must run outside the migration's transaction (on
    /// SQLite, a table rebuilt with foreign keys off), which could leave a database half-migrated.
    /// EF warns of one, and Orderly makes that warning an error, only in a migration of more than one
    /// operation; this reads every command, so a lone rebuild is caught too.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryMigration_RunsInsideItsTransaction(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        var migrations = world.Db.GetService<IMigrationsAssembly>();
        var generator = world.Db.GetService<IMigrationsSqlGenerator>();
        var initializer = world.Db.GetService<IModelRuntimeInitializer>();
        // As EF's migrator readies a migration's target model before generating its commands.
        IModel? Ready(IModel? model) => model is null ? null
            : initializer.Initialize(model is IMutableModel mutable ? mutable.FinalizeModel() : model, designTime: true, validationLogger: null);

        IModel? before = null;
        foreach (var (id, type) in migrations.Migrations)
        {
            var migration = migrations.CreateMigration(type, world.Db.Database.ProviderName!);
            var after = Ready(migration.TargetModel);
            Assert.False(generator.Generate(migration.UpOperations, after).Any(c => c.TransactionSuppressed), $"{id} (up) runs a command outside its transaction.");
            Assert.False(generator.Generate(migration.DownOperations, before).Any(c => c.TransactionSuppressed), $"{id} (down) runs a command outside its transaction.");
            before = after;
        }
        Assert.NotNull(before);
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
