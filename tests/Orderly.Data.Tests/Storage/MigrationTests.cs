using Microsoft.EntityFrameworkCore;
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
}
