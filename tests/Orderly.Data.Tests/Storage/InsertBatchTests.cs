using Microsoft.EntityFrameworkCore;
using Orderly.Data.Events;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests.Storage;

/// <summary>Rows collected in an insert batch are all stored, as written, whether they fit one command or need several.</summary>
public class InsertBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<EventRecord> Events(int count, string type) =>
        [.. Enumerable.Range(1, count).Select(i => new EventRecord
        {
            At = DateTimeOffset.UnixEpoch.AddSeconds(i),
            Type = type,
            EntityType = "test",
            EntityKey = $"{type}-{i}",
            SiteCode = i % 2 == 0 ? "BR-TEST" : null,
            Data = $$"""{"n":{{i}}}""",
        })];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Execute_MoreParametersThanOneCommandTakes_EveryRowStoredInOrder(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);
        // 5,000 rows of 8 columns is 40,000 parameters: more than one command may carry, so the batch splits.
        var first = Events(5_000, "test.first");
        var second = Events(3, "test.second");

        await using (var transaction = await world.Db.Database.BeginTransactionAsync(Ct))
        {
            await world.Db.BeginInserts().Add(first).AddStatement("SELECT 1").Add(second).ExecuteAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        await using var reader = world.NewContext();
        var stored = await reader.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([.. first.Select(e => e.EntityKey), .. second.Select(e => e.EntityKey)], stored.Select(e => e.EntityKey));
        Assert.Equal(first[^1].At, stored[4_999].At);
        Assert.Equal(first[1].SiteCode, stored[1].SiteCode);
        Assert.Null(stored[0].SiteCode);
        Assert.Equal("""{"n":5000}""", stored[4_999].Data);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Execute_OutsideATransaction_RefusedAndNothingWritten(string provider)
    {
        await using var world = await StorageWorld.CreateAsync(provider);

        await Assert.ThrowsAsync<InvalidOperationException>(() => world.Db.BeginInserts().Add(Events(2, "test.loose")).ExecuteAsync(Ct));

        await using var reader = world.NewContext();
        Assert.Equal(0, await reader.Events.CountAsync(Ct));
    }
}
