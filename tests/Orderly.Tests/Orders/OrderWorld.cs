using System.Net;
using System.Text.Json;

namespace Orderly.Tests.Orders;

/// <summary>Intent helpers for order tests: fresh items with known stock, demo customers by region, capture.</summary>
public sealed class OrderWorld(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<HttpClient> AdminAsync() => await server.ClientAsync("admin");

    /// <summary>A new item (7-day lead time) with <paramref name="units"/> available at <paramref name="site"/> only.</summary>
    public static async Task<string> ItemAsync(HttpClient admin, int units = 0, string site = "BR-STL", int leadTimeDays = 7, string[]? substitutes = null)
    {
        var sku = Api.UniqueSku("ORD");
        await (await admin.PostAsync("/api/items", new { sku, description = "Order test item", replenishmentLeadTimeDays = leadTimeDays, substitutes }))
            .JsonAsync(HttpStatusCode.Created);
        if (units > 0) await ReceiveAsync(admin, sku, units, site);
        return sku;
    }

    public static async Task ReceiveAsync(HttpClient admin, string sku, int units, string site) =>
        await (await admin.PostAsync("/api/inventory/receipts", new { site, location = "A-01-1", sku, quantity = units })).JsonAsync(HttpStatusCode.Created);

    /// <summary>The first demo customer homed at <paramref name="site"/> that is neither blocked nor on credit hold.</summary>
    public static async Task<string> CustomerAtAsync(HttpClient admin, string site)
    {
        var page = await (await admin.GetAsync($"/api/customers?homeSite={site}&pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray()
            .First(c => !c.GetProperty("blocked").GetBoolean() && !c.GetProperty("creditHold").GetBoolean())
            .GetProperty("accountNumber").GetString()!;
    }

    public static object Order(string customer, params (string Sku, decimal Quantity)[] lines) => new
    {
        channel = "api",
        externalRef = "PO-" + Guid.NewGuid().ToString("N")[..12],
        customer,
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
    };

    public static async Task<JsonElement> CaptureAsync(HttpClient client, object order, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostAsync("/api/orders", order)).JsonAsync(expected);

    public static async Task<JsonElement> BalanceAsync(HttpClient admin, string sku, string site)
    {
        var page = await (await admin.GetAsync($"/api/inventory?site={site}&sku={sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single();
    }
}
