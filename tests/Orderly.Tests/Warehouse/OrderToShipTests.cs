using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Orderly.Tests.Orders;
using Orderly.Warehouse;

namespace Orderly.Tests.Warehouse;

/// <summary>
/// Waves, picking (with a short pick), packing, shipping and carrier events, end to end through the
/// API. A wave takes every releasable allocation at its site, so each test works at a site that no
/// other test class orders at (test classes run in parallel on one server).
/// </summary>
public class OrderToShipTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> WaveAsync(HttpClient client, string site, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostAsync($"/api/sites/{site}/waves", new { maxLines = 500 })).JsonAsync(expected);

    private static HttpRequestMessage CarrierEvent(string body, string id, DateTimeOffset sentAt, string secret = DemoServer.CarrierSecret)
    {
        var timestamp = sentAt.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/carrier-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, body));
        return request;
    }

    private static string Tracking(string type, string tracking, DateTimeOffset at) =>
        JsonSerializer.Serialize(new { carrier = "UPS", trackingNumber = tracking, type, occurredAt = at });

    [Fact]
    public async Task FullRun_CaptureWavePickShortPackShipDeliver_LeavesAnOrderedTrailAndABalancedLedger()
    {
        using var admin = await server.ClientAsync("admin");
        // A site no other test class orders at: a wave here takes only this test's order.
        var site = "DC-CENTRAL";
        var bearing = await OrderWorld.ItemAsync(admin, units: 10, site: site);
        var bolt = await OrderWorld.ItemAsync(admin, units: 5, site: site);
        var customer = await OrderWorld.CustomerAtAsync(admin, site);
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(customer, (bearing, 4), (bolt, 5)));
        var number = order.GetProperty("number").GetString()!;

        var wave = await WaveAsync(admin, site);
        var tasks = wave.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("order").GetString() == number).ToList();
        Assert.Equal(2, tasks.Count);
        var bearingTask = tasks.Single(t => t.GetProperty("sku").GetString() == bearing);
        var boltTask = tasks.Single(t => t.GetProperty("sku").GetString() == bolt);

        await (await admin.PostAsync($"/api/pick-tasks/{bearingTask.GetProperty("id")}/confirm", new { quantity = 4 })).JsonAsync(HttpStatusCode.OK);
        var shortPick = await (await admin.PostAsync($"/api/pick-tasks/{boltTask.GetProperty("id")}/confirm", new { quantity = 3 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("short", shortPick.GetProperty("status").GetString());

        var afterPick = await (await admin.GetAsync($"/api/orders/{number}", Ct)).JsonAsync(HttpStatusCode.OK);
        var boltLine = afterPick.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == bolt);
        Assert.Equal(2, boltLine.GetProperty("backordered").GetDecimal());

        var container = await (await admin.PostAsync($"/api/sites/{site}/containers", new { order = number, lines = new[] { new { line = 1, quantity = 4 }, new { line = 2, quantity = 3 } } }))
            .JsonAsync(HttpStatusCode.Created);
        var sscc = container.GetProperty("sscc").GetString()!;
        Assert.True(Orderly.Core.Definitions.Sscc.TryParse(sscc, out _, out var ssccError), ssccError);

        var tracking = "1Z" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        await (await admin.PostAsync($"/api/sites/{site}/shipments", new { order = number, containers = new[] { sscc }, carrier = "UPS", service = "Ground", trackingNumber = tracking }))
            .JsonAsync(HttpStatusCode.Created);
        using var carrier = server.Anonymous();
        var now = DateTimeOffset.UtcNow;
        var delivered = await (await carrier.SendAsync(CarrierEvent(Tracking("delivered", tracking, now), "evt-" + tracking, now), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("delivered", delivered.GetProperty("shipmentStatus").GetString());

        var shipped = await (await admin.GetAsync($"/api/orders/{number}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, shipped.GetProperty("lines")[0].GetProperty("shipped").GetDecimal());
        Assert.Equal(3, shipped.GetProperty("lines")[1].GetProperty("shipped").GetDecimal());

        var trail = await TrailAsync(admin, order.GetProperty("id").GetInt64());
        Assert.Equal(
            ["order.accepted", "line.allocated", "line.allocated", "task.picked", "task.short-picked", "exception.raised", "line.backordered",
             "container.packed", "shipment.shipped", "shipment.tracked"],
            trail);

        foreach (var sku in new[] { bearing, bolt })
            await AssertLedgerBalancesAsync(admin, site, sku);
    }

    [Fact]
    public async Task HoldUntilComplete_ReleasesNoPickTask()
    {
        using var admin = await server.ClientAsync("admin");
        var stocked = await OrderWorld.ItemAsync(admin, units: 10, site: "BR-ATL");
        var missing = await OrderWorld.ItemAsync(admin);
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-ATL"), (stocked, 2), (missing, 1)));
        Assert.Equal("held", order.GetProperty("status").GetString());

        var tasks = await (await admin.GetAsync("/api/sites/BR-ATL/pick-tasks?pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        var response = await admin.PostAsync("/api/sites/BR-ATL/waves", new { maxLines = 500 });
        var released = response.StatusCode == HttpStatusCode.Created
            ? (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("tasks").EnumerateArray().ToList()
            : [];
        Assert.DoesNotContain(released, t => t.GetProperty("order").GetString() == order.GetProperty("number").GetString());
        Assert.DoesNotContain(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("order").GetString() == order.GetProperty("number").GetString());
    }

    [Fact]
    public async Task ConfirmTwice_MoreThanAsked_AndAnotherBranchesTask_AreRefused()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "DC-WEST");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "DC-WEST"), (sku, 2)));
        var wave = await WaveAsync(admin, "DC-WEST");
        var task = wave.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("order").GetString() == order.GetProperty("number").GetString());
        var id = task.GetProperty("id").GetInt64();

        using var picker = await server.ClientAsync("picker");
        await (await picker.PostAsync($"/api/pick-tasks/{id}/confirm", new { quantity = 2 })).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await picker.GetAsync($"/api/pick-tasks/{id}", Ct)).StatusCode);

        (await (await admin.PostAsync($"/api/pick-tasks/{id}/confirm", new { quantity = 3 })).ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("quantity");
        await (await admin.PostAsync($"/api/pick-tasks/{id}/confirm", new { quantity = 2 })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/pick-tasks/{id}/confirm", new { quantity = 2 })).ProblemAsync(HttpStatusCode.Conflict, "already-confirmed");
    }

    [Fact]
    public async Task ShippingAnUnpackedOrUnknownContainer_IsRefused()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "BR-MSP");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-MSP"), (sku, 1)));
        var number = order.GetProperty("number").GetString()!;
        var problem = await (await admin.PostAsync("/api/sites/BR-MSP/shipments", new { order = number, containers = new[] { "006141410000000017" }, carrier = "UPS", service = "Ground", trackingNumber = "1ZNOPE" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("no container", problem.FieldError("containers[0]"), StringComparison.Ordinal);
        var pack = await (await admin.PostAsync("/api/sites/BR-MSP/containers", new { order = number, lines = new[] { new { line = 1, quantity = 1 } } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("picked", pack.FieldError("lines[0].quantity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarrierEvents_BadSignatureReplayUnknownTrackingDuplicateAndOutOfOrder()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "BR-DAL");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-DAL"), (sku, 1)));
        var number = order.GetProperty("number").GetString()!;
        var task = (await WaveAsync(admin, "BR-DAL")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("order").GetString() == number);
        await (await admin.PostAsync($"/api/pick-tasks/{task.GetProperty("id")}/confirm", new { quantity = 1 })).JsonAsync(HttpStatusCode.OK);
        var sscc = (await (await admin.PostAsync("/api/sites/BR-DAL/containers", new { order = number, lines = new[] { new { line = 1, quantity = 1 } } })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("sscc").GetString();
        var tracking = "1Z" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        await (await admin.PostAsync("/api/sites/BR-DAL/shipments", new { order = number, containers = new[] { sscc }, carrier = "UPS", service = "Ground", trackingNumber = tracking }))
            .JsonAsync(HttpStatusCode.Created);

        using var carrier = server.Anonymous();
        var now = DateTimeOffset.UtcNow;
        var wrongSecret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-secret-at-all"));
        await (await carrier.SendAsync(CarrierEvent(Tracking("in-transit", tracking, now), "e1-" + tracking, now, wrongSecret), Ct)).ProblemAsync(HttpStatusCode.Unauthorized, "bad-signature");
        await (await carrier.SendAsync(CarrierEvent(Tracking("in-transit", tracking, now), "e2-" + tracking, now.AddMinutes(-30)), Ct)).ProblemAsync(HttpStatusCode.Unauthorized, "bad-signature");
        await (await carrier.SendAsync(CarrierEvent(Tracking("in-transit", "1ZUNKNOWN", now), "e3-" + tracking, now), Ct)).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        var delivered = CarrierEvent(Tracking("delivered", tracking, now), "e4-" + tracking, now);
        Assert.False((await (await carrier.SendAsync(delivered, Ct)).JsonAsync(HttpStatusCode.OK)).GetProperty("duplicate").GetBoolean());
        var again = await (await carrier.SendAsync(CarrierEvent(Tracking("delivered", tracking, now), "e4-" + tracking, now), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        var late = await (await carrier.SendAsync(CarrierEvent(Tracking("in-transit", tracking, now.AddHours(-2)), "e5-" + tracking, now), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(late.GetProperty("applied").GetBoolean());
        Assert.Equal("delivered", late.GetProperty("shipmentStatus").GetString());
    }

    [Fact]
    public async Task Bug_CancellingAfterTheWave_StrandedThePickTask()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "BR-PDX");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-PDX"), (sku, 2)));
        await WaveAsync(admin, "BR-PDX");
        await (await admin.PostAsync($"/api/orders/{order.GetProperty("id")}/cancel", new { reason = "too late" })).ProblemAsync(HttpStatusCode.Conflict, "not-cancellable");
        await (await admin.PostAsync($"/api/orders/{order.GetProperty("id")}/lines/1/cancel", new { reason = "too late" })).ProblemAsync(HttpStatusCode.Conflict, "not-cancellable");
    }

    [Fact]
    public async Task Wave_ShipBy_LeavesLaterOrdersForLater()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "BR-SEA");
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-SEA");
        var later = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var order = await OrderWorld.CaptureAsync(admin, new
        {
            channel = "api", externalRef = "PO-" + Guid.NewGuid().ToString("N")[..12], customer, requestedDate = later,
            lines = new[] { new { sku, quantity = 1 } },
        });
        var shipBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await admin.PostAsync("/api/sites/BR-SEA/waves", new { maxLines = 500, shipBy });
        var released = response.StatusCode == HttpStatusCode.Created
            ? (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("order").GetString()).ToList()
            : [];
        Assert.DoesNotContain(order.GetProperty("number").GetString(), released);
    }

    [Fact]
    public async Task ShipComplete_ShortPick_HoldsTheOrder_AndItsPickedGoodsWait()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 3, site: "BR-CLT");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(await OrderWorld.CustomerAtAsync(admin, "BR-CLT"), (sku, 3)));
        var number = order.GetProperty("number").GetString()!;
        Assert.Equal("allocated", order.GetProperty("status").GetString());
        var task = (await WaveAsync(admin, "BR-CLT")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("order").GetString() == number);

        await (await admin.PostAsync($"/api/pick-tasks/{task.GetProperty("id")}/confirm", new { quantity = 2 })).JsonAsync(HttpStatusCode.OK);

        var held = await (await admin.GetAsync($"/api/orders/{number}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("incomplete", held.GetProperty("holds").EnumerateArray().Select(h => h.GetString()));
        await (await admin.PostAsync("/api/sites/BR-CLT/containers", new { order = number, lines = new[] { new { line = 1, quantity = 2 } } }))
            .ProblemAsync(HttpStatusCode.Conflict, "order-held");
    }

    private static async Task<List<string>> TrailAsync(HttpClient admin, long orderId)
    {
        var trail = new List<string>();
        long cursor = 0;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await (await admin.GetAsync($"/api/events?after={cursor}&limit=1000", Ct)).JsonAsync(HttpStatusCode.OK);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            if (events.Count == 0) break;
            trail.AddRange(events.Where(e => e.GetProperty("orderId").ValueKind == JsonValueKind.Number && e.GetProperty("orderId").GetInt64() == orderId)
                .Select(e => e.GetProperty("type").GetString()!));
            cursor = page.GetProperty("next").GetInt64();
        }
        return trail;
    }

    /// <summary>The balances of an item at a site equal the sum of its ledger movements, status by status.</summary>
    private static async Task AssertLedgerBalancesAsync(HttpClient admin, string site, string sku)
    {
        var movements = await (await admin.GetAsync($"/api/inventory/movements?site={site}&sku={sku}&pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var m in movements.GetProperty("items").EnumerateArray())
        {
            var quantity = m.GetProperty("quantity").GetDecimal();
            if (m.GetProperty("from").ValueKind == JsonValueKind.Object)
            {
                var status = m.GetProperty("from").GetProperty("status").GetString()!;
                sums[status] = sums.GetValueOrDefault(status) - quantity;
            }
            if (m.GetProperty("to").ValueKind == JsonValueKind.Object)
            {
                var status = m.GetProperty("to").GetProperty("status").GetString()!;
                sums[status] = sums.GetValueOrDefault(status) + quantity;
            }
        }
        var page = await (await admin.GetAsync($"/api/inventory?site={site}&sku={sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        var statuses = page.GetProperty("items").EnumerateArray()
            .SelectMany(b => b.GetProperty("statuses").EnumerateObject())
            .ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
        Assert.Equal(sums.Where(s => s.Value != 0).OrderBy(s => s.Key), statuses.OrderBy(s => s.Key));
    }
}
