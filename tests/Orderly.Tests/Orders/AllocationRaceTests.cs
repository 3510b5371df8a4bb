using System.Net;
using Orderly.Tests.Hosting;

namespace Orderly.Tests.Orders;

/// <summary>
/// Eight clients race 100 one-unit orders for 50 units of stock through HTTP. Exactly 50 units
/// are allocated in total, and the ledger agrees, on SQLite and on PostgreSQL.
/// </summary>
public class AllocationRaceTests(DemoServer sqlite, PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Clients = 8, Orders = 100, Stock = 50;

    [Fact]
    public async Task EightClients_HundredOrders_FiftyUnits_AllocateExactlyFifty_OnSqlite()
    {
        using var admin = await sqlite.ClientAsync("admin");
        await RaceAsync(admin, () => sqlite.ClientAsync("customerservice"));
    }

    [Fact]
    public async Task EightClients_HundredOrders_FiftyUnits_AllocateExactlyFifty_OnPostgres()
    {
        var admin = postgres.Admin;
        await RaceAsync(admin, () => Task.FromResult(postgres.NewAdminClient()));
    }

    private static async Task RaceAsync(HttpClient admin, Func<Task<HttpClient>> client)
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = Api.UniqueSku("RACE");
        await (await admin.PostAsync("/api/items", new { sku, description = "Race item" })).JsonAsync(HttpStatusCode.Created);
        await OrderWorld.ReceiveAsync(admin, sku, Stock, "BR-STL");
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-STL");

        var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => client()));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = -1;
        var workers = clients.Select(async http =>
        {
            await gate.Task;
            var allocated = 0m;
            while (Interlocked.Increment(ref next) < Orders)
            {
                var order = await OrderWorld.CaptureAsync(http, OrderWorld.Order(customer, (sku, 1)));
                allocated += order.GetProperty("lines")[0].GetProperty("allocated").GetDecimal();
            }
            return allocated;
        }).ToList();
        gate.SetResult();
        var total = (await Task.WhenAll(workers)).Sum();
        foreach (var http in clients) http.Dispose();

        Assert.Equal(Stock, total);
        var balance = await OrderWorld.BalanceAsync(admin, sku, "BR-STL");
        Assert.Equal(0, balance.GetProperty("available").GetDecimal());
        Assert.Equal(Stock, balance.GetProperty("statuses").GetProperty("allocated").GetDecimal());
        var backordered = await (await admin.GetAsync($"/api/orders?customer={customer}&status=backordered&pageSize=200", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(backordered.GetProperty("total").GetInt32() >= Orders - Stock);
    }
}
