using Orderly.Core.MasterData;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests.Storage;

/// <summary>The plain column reads the start-up checks make, against the tables and columns the model maps.</summary>
public class StoredValuesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Distinct_ReadsTheMappedColumn(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        Assert.Equal(["BLT-M10", "CBL-3G15"], (await StoredValues.DistinctAsync<Item>(world.Db, nameof(Item.Sku), cancellationToken: Ct)).Order());
        Assert.Equal(["A-01-1", "A-01-2"], (await StoredValues.DistinctAsync<Location>(world.Db, nameof(Location.Code), nameof(Location.SiteId), world.SiteId, Ct)).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Distinct_FiltersByTheStoredFormOfAConvertedValue(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        // Site.Kind is stored as its name: the filter must be converted as EF would convert it.
        Assert.Equal(["BR-TEST"], await StoredValues.DistinctAsync<Site>(world.Db, nameof(Site.Code), nameof(Site.Kind), SiteKind.Branch, Ct));
        Assert.Empty(await StoredValues.DistinctAsync<Site>(world.Db, nameof(Site.Code), nameof(Site.Kind), SiteKind.Dc, Ct));
    }

    [Fact]
    public async Task Distinct_RefusesAPropertyTheEntityDoesNotHave()
    {
        await using var world = await StorageWorld.CreateAsync(TestDatabase.Sqlite);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => StoredValues.DistinctAsync<Site>(world.Db, "Colour", cancellationToken: Ct));
        Assert.Contains("Colour", refused.Message, StringComparison.Ordinal);
    }
}
