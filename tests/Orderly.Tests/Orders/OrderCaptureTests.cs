using System.Net;
using System.Text.Json;

namespace Orderly.Tests.Orders;

/// <summary>The capture path, the policies that decide each order, and the decisions it can explain.</summary>
public class OrderCaptureTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderWorld _world = new(server);

    private static JsonElement Line(JsonElement order, int number) =>
        order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetInt32() == number);

    [Fact]
    public async Task CentralCustomer_ShipsTheAvailableLine_AndBackordersTheOther()
    {
        using var admin = await _world.AdminAsync();
        var stocked = await OrderWorld.ItemAsync(admin, units: 10, site: "BR-STL");
        var missing = await OrderWorld.ItemAsync(admin, leadTimeDays: 12);
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-STL");

        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(customer, (stocked, 4), (missing, 2)));

        Assert.Equal("partially-allocated", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("holds").EnumerateArray());
        Assert.Equal(4, Line(order, 1).GetProperty("allocated").GetDecimal());
        Assert.Equal("BR-STL", Line(order, 1).GetProperty("allocations")[0].GetProperty("site").GetString());
        Assert.Equal(2, Line(order, 2).GetProperty("backordered").GetDecimal());
        var promise = DateOnly.Parse(Line(order, 2).GetProperty("promiseDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(promise >= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(11), $"promise {promise} should follow the 12-day lead time");

        var decisions = await (await admin.GetAsync($"/api/orders/{order.GetProperty("id")}/decisions", Ct)).JsonAsync(HttpStatusCode.OK);
        var partial = decisions.EnumerateArray().Single(d => d.GetProperty("policy").GetString() == "shipment.partial");
        Assert.Equal("ship-available", partial.GetProperty("value").GetString());
        Assert.Equal("enterprise", partial.GetProperty("scope").GetString());
        Assert.Contains("Ships what is available", partial.GetProperty("explanation").GetString()!, StringComparison.Ordinal);

        var stock = await OrderWorld.BalanceAsync(admin, stocked, "BR-STL");
        Assert.Equal(6, stock.GetProperty("available").GetDecimal());
        Assert.Equal(4, stock.GetProperty("statuses").GetProperty("allocated").GetDecimal());
    }

    [Fact]
    public async Task EastCustomer_IsHeldUntilComplete_ByTheRegionVariation()
    {
        using var admin = await _world.AdminAsync();
        var stocked = await OrderWorld.ItemAsync(admin, units: 10, site: "BR-BOS");
        var missing = await OrderWorld.ItemAsync(admin);
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-BOS");

        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(customer, (stocked, 4), (missing, 2)));

        Assert.Equal("held", order.GetProperty("status").GetString());
        Assert.Equal(["incomplete"], order.GetProperty("holds").EnumerateArray().Select(h => h.GetString()));
        var decisions = await (await admin.GetAsync($"/api/orders/{order.GetProperty("number").GetString()}/decisions", Ct)).JsonAsync(HttpStatusCode.OK);
        var partial = decisions.EnumerateArray().Single(d => d.GetProperty("policy").GetString() == "shipment.partial");
        Assert.Equal("hold-until-complete", partial.GetProperty("value").GetString());
        Assert.Equal("region", partial.GetProperty("scope").GetString());
        Assert.Equal("East", partial.GetProperty("scopeValue").GetString());
        Assert.Contains("East region variation v1, approved by pmo", partial.GetProperty("explanation").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_AllocatesWaitingBackorders_AndLiftsTheCompleteHold()
    {
        using var admin = await _world.AdminAsync();
        var missing = await OrderWorld.ItemAsync(admin);
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-BOS");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(customer, (missing, 3)));
        Assert.Equal("held", order.GetProperty("status").GetString());

        await OrderWorld.ReceiveAsync(admin, missing, 5, "BR-BOS");

        var after = await (await admin.GetAsync($"/api/orders/{order.GetProperty("id")}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("allocated", after.GetProperty("status").GetString());
        Assert.Empty(after.GetProperty("holds").EnumerateArray());
        Assert.Equal(2, (await OrderWorld.BalanceAsync(admin, missing, "BR-BOS")).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task SameOrderTwice_CreatesOneOrder()
    {
        using var admin = await _world.AdminAsync();
        var sku = await OrderWorld.ItemAsync(admin, units: 10);
        var order = OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-STL"), (sku, 1));
        var first = await OrderWorld.CaptureAsync(admin, order);
        var second = await OrderWorld.CaptureAsync(admin, order, HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(9, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task Cancel_ReleasesTheAllocatedStock()
    {
        using var admin = await _world.AdminAsync();
        var sku = await OrderWorld.ItemAsync(admin, units: 10);
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-STL"), (sku, 7)));
        var cancelled = await (await admin.PostAsync($"/api/orders/{order.GetProperty("id")}/cancel", new { reason = "customer changed its mind" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(10, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
        await (await admin.PostAsync($"/api/orders/{order.GetProperty("id")}/cancel", new { reason = "again" })).ProblemAsync(HttpStatusCode.Conflict, "not-cancellable");
    }

    [Fact]
    public async Task CreditHoldCustomer_IsCapturedOnHold_AndOnlyFinanceReleasesIt()
    {
        using var admin = await _world.AdminAsync();
        var page = await (await admin.GetAsync("/api/customers?pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        var held = page.GetProperty("items").EnumerateArray().First(c => c.GetProperty("creditHold").GetBoolean() && !c.GetProperty("blocked").GetBoolean());
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: held.GetProperty("homeSite").GetString()!);
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(held.GetProperty("accountNumber").GetString()!, (sku, 1)));
        Assert.Contains("credit", order.GetProperty("holds").EnumerateArray().Select(h => h.GetString()));

        using var agent = await server.ClientAsync("customerservice");
        await (await agent.PostAsync($"/api/orders/{order.GetProperty("id")}/release-credit-hold", new { reason = "paid" })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var finance = await server.ClientAsync("finance");
        var released = await (await finance.PostAsync($"/api/orders/{order.GetProperty("id")}/release-credit-hold", new { reason = "payment received" })).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(released.GetProperty("holds").EnumerateArray());
    }

    [Fact]
    public async Task Events_RecordTheOrderTrail_InOrder_ByCursor()
    {
        using var admin = await _world.AdminAsync();
        var sku = await OrderWorld.ItemAsync(admin, units: 3);
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-STL"), (sku, 1)));
        var orderId = order.GetProperty("id").GetInt64();

        var trail = new List<JsonElement>();
        long cursor = 0;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await (await admin.GetAsync($"/api/events?after={cursor}&limit=1000", Ct)).JsonAsync(HttpStatusCode.OK);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            if (events.Count == 0) break;
            trail.AddRange(events.Where(e => e.GetProperty("orderId").ValueKind == JsonValueKind.Number && e.GetProperty("orderId").GetInt64() == orderId));
            cursor = page.GetProperty("next").GetInt64();
        }
        Assert.Equal(["order.accepted", "line.allocated"], trail.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("accepting", trail[0].GetProperty("bizStep").GetString());
    }
}
