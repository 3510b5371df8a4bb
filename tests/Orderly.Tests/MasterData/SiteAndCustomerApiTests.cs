using System.Net;

namespace Orderly.Tests.MasterData;

public class SiteAndCustomerApiTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Site_WrongGlnCheckDigitAndUnknownTimeZone_AreFieldErrors()
    {
        using var client = await server.ClientAsync("admin");
        var problem = await (await client.PostAsync("/api/sites", new
        {
            code = "BR-NEW1", name = "New branch", kind = "warehouse", region = "Central", timeZone = "Mars/Olympus", gln = "0614141000013",
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("check digit", problem.FieldError("gln"), StringComparison.Ordinal);
        Assert.Contains("dc or branch", problem.FieldError("kind"), StringComparison.Ordinal);
        Assert.Contains("time zone", problem.FieldError("timeZone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_CreatedByCallerWithoutAllSites_Is403()
    {
        var token = await server.CreateTokenAsync("admin", sites: "BR-DET");
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await client.PostAsync("/api/sites", new { code = "BR-X", name = "X", kind = "branch", region = "Central", timeZone = "America/Chicago" });
        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Location_CreateListAndDuplicate()
    {
        using var client = await server.ClientAsync("admin");
        var code = "Z-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await (await client.PostAsync("/api/sites/BR-DAL/locations", new { code, kind = "bin", pickSequence = 5000 })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/sites/BR-DAL/locations", new { code, kind = "bin" })).ProblemAsync(HttpStatusCode.Conflict, "duplicate-key");
        var read = await (await client.GetAsync($"/api/sites/BR-DAL/locations/{code}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("bin", read.GetProperty("kind").GetString());
        var bad = await (await client.PostAsync("/api/sites/BR-DAL/locations", new { code = "Q 1", kind = "shelf" })).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        bad.FieldError("code");
        bad.FieldError("kind");
    }

    [Fact]
    public async Task Customer_UnknownHomeSite_IsAFieldError_AndDuplicateIs409()
    {
        using var client = await server.ClientAsync("planner");
        var account = "C-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        object Customer(string homeSite) => new
        {
            accountNumber = account,
            name = "Granite Fabrication LLC",
            segment = "industrial",
            homeSite,
            shipTos = new[] { new { code = "MAIN", name = "Granite Fabrication", line1 = "1 Mill Rd", city = "Dallas", region = "TX", postalCode = "75201", country = "US", isDefault = true } },
        };
        var problem = await (await client.PostAsync("/api/customers", Customer("BR-NOWHERE"))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("BR-NOWHERE", problem.FieldError("homeSite"), StringComparison.Ordinal);

        await (await client.PostAsync("/api/customers", Customer("BR-DAL"))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/customers", Customer("BR-DAL"))).ProblemAsync(HttpStatusCode.Conflict, "duplicate-key");
    }

    [Fact]
    public async Task Customers_ScopedCaller_SeesOnlyCustomersHomedInScope()
    {
        using var client = await server.ClientAsync("supervisor");
        var page = await (await client.GetAsync("/api/customers?pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.All(page.GetProperty("items").EnumerateArray(), c => Assert.Equal("BR-DET", c.GetProperty("homeSite").GetString()));
    }
}
