using System.Net;
using System.Net.Http.Json;
using Orderly.Tests.Orders;

namespace Orderly.Tests.Hosting;

public class IdempotencyKeyTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task SamePostTwice_WithTheSameKey_HasOneEffect_AndReplaysTheAnswer()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin);
        var key = Guid.NewGuid().ToString("N");
        var receipt = new { site = "BR-STL", location = "A-01-1", sku, quantity = 3 };

        var first = await admin.SendAsync(Post("/api/inventory/receipts", receipt, key), Ct);
        var second = await admin.SendAsync(Post("/api/inventory/receipts", receipt, key), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_IsRefused()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin);
        var key = Guid.NewGuid().ToString("N");
        await (await admin.SendAsync(Post("/api/inventory/receipts", new { site = "BR-STL", location = "A-01-1", sku, quantity = 1 }, key), Ct)).JsonAsync(HttpStatusCode.Created);
        var reused = await admin.SendAsync(Post("/api/inventory/receipts", new { site = "BR-STL", location = "A-01-1", sku, quantity = 2 }, key), Ct);
        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(1, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task Keys_AreSeparatePerCaller()
    {
        using var admin = await server.ClientAsync("admin");
        using var other = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin);
        var key = Guid.NewGuid().ToString("N");
        var receipt = new { site = "BR-STL", location = "A-01-1", sku, quantity = 1 };
        await (await admin.SendAsync(Post("/api/inventory/receipts", receipt, key), Ct)).JsonAsync(HttpStatusCode.Created);
        var fromOther = await other.SendAsync(Post("/api/inventory/receipts", receipt, key), Ct);
        Assert.False(fromOther.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
    }
}
