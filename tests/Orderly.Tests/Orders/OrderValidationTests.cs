using System.Net;

namespace Orderly.Tests.Orders;

/// <summary>Every bad order gets a field-level message and captures nothing.</summary>
public class OrderValidationTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderWorld _world = new(server);

    private static object Order(string customer, object[] lines, string? requestedDate = null, string channel = "api", string? priority = null) => new
    {
        channel,
        externalRef = "PO-" + Guid.NewGuid().ToString("N")[..12],
        customer,
        requestedDate,
        priority,
        lines,
    };

    private async Task<(HttpClient Admin, string Customer, string Sku)> SetUpAsync()
    {
        var admin = await _world.AdminAsync();
        return (admin, await OrderWorld.CustomerAtAsync(admin, "BR-STL"), await OrderWorld.ItemAsync(admin, units: 5));
    }

    [Theory]
    [InlineData(0, "more than zero")]
    [InlineData(-3, "more than zero")]
    [InlineData(1.5, "whole units")]
    [InlineData(1_000_001, "more than the most one line may order")]
    public async Task Quantity_OutOfRange_IsAFieldError(double quantity, string message)
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        var problem = await (await admin.PostAsync("/api/orders", Order(customer, [new { sku, quantity }]))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains(message, problem.FieldError("lines[0].quantity"), StringComparison.Ordinal);
        Assert.Equal(5, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task UnknownCustomerSkuAndUnit_AreEachNamed()
    {
        var (admin, _, sku) = await SetUpAsync();
        using var owned = admin;
        var problem = await (await admin.PostAsync("/api/orders", Order("C-NOBODY", [new { sku = "NO-SUCH-SKU", quantity = 1 }, new { sku, quantity = 1, uom = "DRUM" }])))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("no customer 'C-NOBODY'", problem.FieldError("customer"), StringComparison.Ordinal);
        Assert.Contains("no item with SKU 'NO-SUCH-SKU'", problem.FieldError("lines[0].sku"), StringComparison.Ordinal);
        Assert.Contains("no unit 'DRUM'", problem.FieldError("lines[1].uom"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyOrder_TooManyLines_AndBadChannel_AreRefused()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        (await (await admin.PostAsync("/api/orders", Order(customer, []))).ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("lines");
        var many = Enumerable.Range(1, 501).Select(i => (object)new { line = i, sku, quantity = 1 }).ToArray();
        var tooMany = await (await admin.PostAsync("/api/orders", Order(customer, many))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("at most 500 lines", tooMany.FieldError("lines"), StringComparison.Ordinal);
        (await (await admin.PostAsync("/api/orders", Order(customer, [new { sku, quantity = 1 }], channel: "fax"))).ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("channel");
    }

    [Fact]
    public async Task DuplicateLineNumber_AndPastRequestedDate_AreRefused()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        var problem = await (await admin.PostAsync("/api/orders", Order(customer, [new { line = 1, sku, quantity = 1 }, new { line = 1, sku, quantity = 2 }], requestedDate: "2020-01-01")))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("also used by lines[0]", problem.FieldError("lines[1].line"), StringComparison.Ordinal);
        Assert.Contains("in the past", problem.FieldError("requestedDate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedCustomer_IsRefused()
    {
        var (admin, _, sku) = await SetUpAsync();
        using var owned = admin;
        var page = await (await admin.GetAsync("/api/customers?pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        var blocked = page.GetProperty("items").EnumerateArray().First(c => c.GetProperty("blocked").GetBoolean()).GetProperty("accountNumber").GetString()!;
        var problem = await (await admin.PostAsync("/api/orders", Order(blocked, [new { sku, quantity = 1 }]))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("is blocked", problem.FieldError("customer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rush_ByCustomerService_IsRefusedByThePriorityPolicy()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        using var agent = await server.ClientAsync("customerservice");
        var problem = await (await agent.PostAsync("/api/orders", Order(customer, [new { sku, quantity = 1 }], priority: "rush"))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("priority.override", problem.FieldError("priority"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerOutsideTheAgentsSites_IsAsUnknown()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        using var supervisor = await server.ClientAsync("supervisor");
        var problem = await (await supervisor.PostAsync("/api/orders", Order(customer, [new { sku, quantity = 1 }]))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("that you may order for", problem.FieldError("customer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_AcceptsAndRejectsEachOrderOnItsOwn()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        var good = Order(customer, [new { sku, quantity = 1 }]);
        var result = await (await admin.PostAsync("/api/orders/batch", new[] { good, Order(customer, [new { sku, quantity = 0 }]), good }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        Assert.Equal(1, result.GetProperty("existing").GetInt32());
        Assert.Equal(400, result.GetProperty("results")[1].GetProperty("status").GetInt32());
        Assert.True(result.GetProperty("results")[1].GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
    }

    [Fact]
    public async Task NullLine_IsAFieldError()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        var problem = await (await admin.PostAsync("/api/orders", Order(customer, [new { sku, quantity = 1 }, null!]))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.FieldError("lines[1]");
    }

    [Fact]
    public async Task SameReference_ForAnotherCustomer_IsRefused_NotAnsweredWithTheFirstOrder()
    {
        var (admin, customer, sku) = await SetUpAsync();
        using var owned = admin;
        var reference = "PO-" + Guid.NewGuid().ToString("N")[..10];
        await (await admin.PostAsync("/api/orders", new { channel = "api", externalRef = reference, customer, lines = new[] { new { sku, quantity = 1 } } })).JsonAsync(HttpStatusCode.Created);
        var other = await OrderWorld.CustomerAtAsync(admin, "BR-DAL");
        var problem = await (await admin.PostAsync("/api/orders", new { channel = "api", externalRef = reference, customer = other, lines = new[] { new { sku, quantity = 1 } } }))
            .ProblemAsync(HttpStatusCode.Conflict, "external-ref-taken");
        Assert.DoesNotContain(customer, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }
}
