using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Hosting;
using Orderly.Testing;

namespace Orderly.Tests.Security;

public class SignInRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A server of its own (no demo, two attempts a minute), so the limit cannot disturb other tests.</summary>
    [Fact]
    public async Task SignIn_PastTheLimit_Is429_ButTheFormStillShows()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "ratelimit");
        await using var cleanup = new DroppedAfterwards(database);
        var (app, address) = await DemoServer.StartAsync(
            new ServerOptions(database) { SeedDemoWhenEmpty = false, SignInAttemptsPerMinute = 2, Console = TextWriter.Null });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address };

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
            statuses.Add((await client.PostAsync("/signin", new FormUrlEncodedContent([new("UserName", "x"), new("Password", "y")]), Ct)).StatusCode);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin", Ct)).StatusCode);
        await app.StopAsync(Ct);
    }

    private sealed class DroppedAfterwards(Orderly.Data.Storage.DatabaseSettings database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await TestDatabase.DropAsync(database);
    }
}
