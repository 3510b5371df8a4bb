using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Hosting;
using Orderly.Testing;

namespace Orderly.Tests.Demo;

public class DemoSeedTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_HasTheDistributorTheIssueDescribes()
    {
        using var client = await server.ClientAsync("admin");
        async Task<int> Total(string url) => (await (await client.GetAsync(url, Ct)).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(3, await Total("/api/sites?kind=dc"));
        Assert.Equal(12, await Total("/api/sites?kind=branch"));
        foreach (var region in new[] { "East", "Central", "West" })
            Assert.Equal(5, await Total($"/api/sites?region={region}"));
        Assert.True(await Total("/api/items") >= 2000);
        Assert.True(await Total("/api/customers") >= 500);
        var sites = (await (await client.GetAsync("/api/sites", Ct)).JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString());
        foreach (var site in sites)
            Assert.True(await Total($"/api/inventory?site={site}&pageSize=1") > 0, $"{site} has no stock");
    }

    [Fact]
    public async Task Demo_WeakPassword_IsRefusedBeforeAnythingIsWritten()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "weakdemo");
        try
        {
            await using var app = OrderlyServer.Build([], new ServerOptions(database) { DemoPassword = "short", Console = TextWriter.Null });
            var error = await Assert.ThrowsAsync<ArgumentException>(() => OrderlyServer.PrepareDatabaseAsync(app, Ct));
            Assert.Contains("demo password is not accepted", error.Message, StringComparison.Ordinal);
            await using var scope = app.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<Orderly.Application.Demo.DemoSeeder>().IsDatabaseEmptyAsync(Ct));
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }
}
