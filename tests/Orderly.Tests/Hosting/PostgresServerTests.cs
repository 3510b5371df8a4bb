using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Core.Security;
using Orderly.Hosting;
using Orderly.Security;
using Orderly.Testing;
using Orderly.Tests.Orders;
using Orderly.Application.Security;
using Orderly.Application.Access;

namespace Orderly.Tests.Hosting;

/// <summary>The same server on PostgreSQL: the demo seeded as on a first start, then the API used end to end.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private WebApplication? _app;

    private HttpClient? _admin;
    private Orderly.Data.Storage.DatabaseSettings? _database;

    /// <summary>The admin client; skips the calling test where no PostgreSQL server is configured (never on CI).</summary>
    public HttpClient Admin
    {
        get
        {
            Assert.SkipWhen(_admin is null, TestDatabase.NoPostgresReason);
            return _admin!;
        }
    }

    private Uri? _address;
    private string? _token;

    /// <summary>Another client with the admin token, for tests that race several clients.</summary>
    public HttpClient NewAdminClient()
    {
        _ = Admin;
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.PostgresRequiredOrAvailable) return;
        var database = _database = await TestDatabase.CreateAsync(TestDatabase.Postgres, "apipg");
        var options = new ServerOptions(database) { SeedDemoWhenEmpty = true, DemoPassword = DemoServer.DemoPassword, Console = TextWriter.Null };
        (_app, var address) = await DemoServer.StartAsync(options);
        await using var scope = _app.Services.CreateAsyncScope();
        var (token, _) = await scope.ServiceProvider.GetRequiredService<AccessAdministration>()
            .CreateTokenAsync(Actor.System("test"), "admin", "pg-test", null, SiteScope.All, null, CancellationToken.None);
        (_address, _token) = (address, token);
        _admin = new HttpClient { BaseAddress = address };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await TestDatabase.DropAsync(_database!);
        }
    }
}

public class PostgresServerTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_OnPostgres_ListsFifteenSites()
    {
        var sites = await (await server.Admin.GetAsync("/api/sites", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(15, sites.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task StockPostings_OnPostgres_KeepTheLedgerRules()
    {
        var sku = Api.UniqueSku("PG");
        await (await server.Admin.PostAsync("/api/items", new { sku, description = "Postgres test item" })).JsonAsync(HttpStatusCode.Created);
        await (await server.Admin.PostAsync("/api/inventory/receipts", new { site = "DC-WEST", location = "A-01-1", sku, quantity = 5 })).JsonAsync(HttpStatusCode.Created);
        await (await server.Admin.PostAsync("/api/inventory/adjustments", new { site = "DC-WEST", location = "A-01-1", sku, delta = -6, reason = "lost" }))
            .ProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        await (await server.Admin.PostAsync("/api/inventory/moves", new { site = "DC-WEST", sku, quantity = 2, from = new { location = "A-01-1" }, to = new { location = "QA-01", status = "quarantine" } }))
            .JsonAsync(HttpStatusCode.Created);
        var balance = (await (await server.Admin.GetAsync($"/api/inventory?site=DC-WEST&sku={sku}", Ct)).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(3, balance.GetProperty("available").GetDecimal());
        Assert.Equal(5, balance.GetProperty("onHand").GetDecimal());
        var audit = await (await server.Admin.GetAsync($"/api/audit?entityType=stock&entityKey=DC-WEST/{sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    /// <summary>
    /// Wave releases raced at one site: each allocation becomes one pick task, and a release that finds
    /// nothing left says so. (Before, the losers of the race met the one-task-per-allocation index.)
    /// SQLite's one writer orders such releases anyway; PostgreSQL is where they overlap.
    /// </summary>
    [Fact]
    public async Task Waves_RacedAtOneSite_ReleaseEachAllocationOnce()
    {
        const string site = "BR-PHX";
        const int rounds = 5, racers = 4;
        var customer = await OrderWorld.CustomerAtAsync(server.Admin, site);
        var released = new List<(string Order, string Sku)>();
        var captured = new List<(string Order, string Sku)>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                var sku = await OrderWorld.ItemAsync(server.Admin, units: 2, site: site);
                var order = await OrderWorld.CaptureAsync(server.Admin, OrderWorld.Order(customer, (sku, 2)));
                captured.Add((order.GetProperty("number").GetString()!, sku));
            }
            var clients = Enumerable.Range(0, racers).Select(_ => server.NewAdminClient()).ToList();
            try
            {
                var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/sites/{site}/waves", new { maxLines = 500 })));
                foreach (var response in responses)
                {
                    if (response.StatusCode == HttpStatusCode.Created)
                        released.AddRange((await response.JsonAsync(HttpStatusCode.Created)).GetProperty("tasks").EnumerateArray()
                            .Select(t => (t.GetProperty("order").GetString()!, t.GetProperty("sku").GetString()!)));
                    else
                        await response.ProblemAsync(HttpStatusCode.Conflict, "nothing-to-release");
                }
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        }
        Assert.Equal(captured.Order(), released.Order());
    }

    [Fact]
    public async Task Customers_OnPostgres_SearchAndPage()
    {
        var page = await (await server.Admin.GetAsync("/api/customers?search=mechanical&pageSize=5", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.All(page.GetProperty("items").EnumerateArray(),
            c => Assert.Contains("mechanical", c.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase));
    }
}
