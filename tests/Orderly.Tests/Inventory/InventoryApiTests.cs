using System.Net;
using System.Text.Json;

namespace Orderly.Tests.Inventory;

/// <summary>Receipts, adjustments and moves through the API: the rules, the errors, and that refused postings change nothing.</summary>
public class InventoryApiTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Site = "BR-DET";

    /// <summary>A new item (cases of 12) with <paramref name="units"/> available in BR-DET bin A-01-1.</summary>
    private async Task<(HttpClient Client, string Sku)> StockedItemAsync(int units)
    {
        using var planner = await server.ClientAsync("planner");
        var sku = Api.UniqueSku("INV");
        await (await planner.PostAsync("/api/items", new { sku, description = "Test bearing", conversions = new[] { new { unit = "CS", factor = 12 } } }))
            .JsonAsync(HttpStatusCode.Created);
        var supervisor = await server.ClientAsync("supervisor");
        if (units > 0)
            await (await supervisor.PostAsync("/api/inventory/receipts", new { site = Site, location = "A-01-1", sku, quantity = units }))
                .JsonAsync(HttpStatusCode.Created);
        return (supervisor, sku);
    }

    private static async Task<JsonElement> BalanceAsync(HttpClient client, string sku)
    {
        var page = await (await client.GetAsync($"/api/inventory?site={Site}&sku={sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single();
    }

    [Fact]
    public async Task Receipt_InCases_IsCountedInBaseUnits()
    {
        var (client, sku) = await StockedItemAsync(0);
        using var _ = client;
        var movement = await (await client.PostAsync("/api/inventory/receipts", new { site = Site, location = "A-01-1", sku, quantity = 3, unit = "CS", reference = "PO-991" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(36, movement.GetProperty("quantity").GetDecimal());
        Assert.Equal("receipt", movement.GetProperty("kind").GetString());
        var balance = await BalanceAsync(client, sku);
        Assert.Equal(36, balance.GetProperty("available").GetDecimal());
        Assert.Equal(36, balance.GetProperty("onHand").GetDecimal());
    }

    [Theory]
    [InlineData(0, null, "quantity", "more than zero")]
    [InlineData(-5, null, "quantity", "more than zero")]
    [InlineData(1.5, null, "quantity", "whole units")]
    [InlineData(1_000_000_001, null, "quantity", "the most a quantity may be")]
    [InlineData(1, "PALLET", "unit", "no unit 'PALLET'")]
    public async Task Receipt_BadQuantityOrUnit_IsAFieldErrorAndChangesNothing(double quantity, string? unit, string field, string message)
    {
        var (client, sku) = await StockedItemAsync(10);
        using var _ = client;
        var problem = await (await client.PostAsync("/api/inventory/receipts", new { site = Site, location = "A-01-1", sku, quantity, unit }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains(message, problem.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(10, (await BalanceAsync(client, sku)).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task Receipt_UnknownSkuLocationAndStatus_AreEachNamed()
    {
        using var client = await server.ClientAsync("supervisor");
        var problem = await (await client.PostAsync("/api/inventory/receipts", new { site = Site, location = "NOPE-1", sku = "NO-SUCH-SKU", quantity = 1, status = "allocated" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("no item", problem.FieldError("sku"), StringComparison.Ordinal);
        Assert.Contains("no location", problem.FieldError("location"), StringComparison.Ordinal);
        Assert.Contains("only through orders", problem.FieldError("status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adjustment_WithoutReason_IsRefused()
    {
        var (client, sku) = await StockedItemAsync(10);
        using var _ = client;
        var problem = await (await client.PostAsync("/api/inventory/adjustments", new { site = Site, location = "A-01-1", sku, delta = -2 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("reason code", problem.FieldError("reason"), StringComparison.Ordinal);
        Assert.Equal(10, (await BalanceAsync(client, sku)).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task Adjustment_RemovesStock_WithReason_AndIsAudited()
    {
        var (client, sku) = await StockedItemAsync(10);
        using var _ = client;
        var movement = await (await client.PostAsync("/api/inventory/adjustments", new { site = Site, location = "A-01-1", sku, delta = -3, reason = "cycle-count" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("cycle-count", movement.GetProperty("reason").GetString());
        Assert.Equal(7, (await BalanceAsync(client, sku)).GetProperty("available").GetDecimal());

        using var admin = await server.ClientAsync("admin");
        var audit = await (await admin.GetAsync($"/api/audit?entityType=stock&entityKey={Site}/{sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cycle-count", audit.GetProperty("items")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Adjustment_RemovingMoreThanHeld_Is409AndChangesNothing()
    {
        var (client, sku) = await StockedItemAsync(4);
        using var _ = client;
        var problem = await (await client.PostAsync("/api/inventory/adjustments", new { site = Site, location = "A-01-1", sku, delta = -5, reason = "lost" }))
            .ProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        Assert.Contains("holds only 4 EA", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Equal(4, (await BalanceAsync(client, sku)).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task Move_IntoQuarantine_ShiftsStatusAndLocation()
    {
        var (client, sku) = await StockedItemAsync(10);
        using var _ = client;
        await (await client.PostAsync("/api/inventory/moves", new
        {
            site = Site, sku, quantity = 4,
            from = new { location = "A-01-1", status = "available" },
            to = new { location = "QA-01", status = "quarantine" },
        })).JsonAsync(HttpStatusCode.Created);
        var balance = await BalanceAsync(client, sku);
        Assert.Equal(6, balance.GetProperty("available").GetDecimal());
        Assert.Equal(10, balance.GetProperty("onHand").GetDecimal());
        Assert.Equal(4, balance.GetProperty("statuses").GetProperty("quarantine").GetDecimal());
    }

    [Fact]
    public async Task Move_MoreThanHeld_Is409AndChangesNothing()
    {
        var (client, sku) = await StockedItemAsync(3);
        using var _ = client;
        await (await client.PostAsync("/api/inventory/moves", new
        {
            site = Site, sku, quantity = 5,
            from = new { location = "A-01-1" },
            to = new { location = "A-01-2" },
        })).ProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        var movements = await (await client.GetAsync($"/api/inventory/movements?site={Site}&sku={sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, movements.GetProperty("total").GetInt32());
        Assert.Equal(3, (await BalanceAsync(client, sku)).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task Move_ToTheSameBucket_IsRefused()
    {
        var (client, sku) = await StockedItemAsync(3);
        using var _ = client;
        var problem = await (await client.PostAsync("/api/inventory/moves", new { site = Site, sku, quantity = 1, from = new { location = "A-01-1" }, to = new { location = "A-01-1" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.FieldError("to");
    }

    [Fact]
    public async Task Balances_UnknownSku_Is404()
    {
        using var client = await server.ClientAsync("supervisor");
        await (await client.GetAsync("/api/inventory?sku=NO-SUCH-SKU", Ct)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
