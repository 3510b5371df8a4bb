using System.Net;
using System.Text.RegularExpressions;

namespace Orderly.Tests.Regressions;

/// <summary>Regressions for defects a code review found in the foundation, each named after the defect.</summary>
public partial class ReviewFindingsTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bug_UpdateWithOmittedFields_ResetThemToDefaults()
    {
        using var admin = await server.ClientAsync("admin");
        var account = "C-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await (await admin.PostAsync("/api/customers", new
        {
            accountNumber = account, name = "Held Co", segment = "oem", homeSite = "BR-DAL", blocked = true, creditHold = true,
            shipTos = new[] { new { code = "MAIN", name = "Held Co", line1 = "1 Main St", city = "Dallas", region = "TX", postalCode = "75201", country = "US", isDefault = true } },
        })).JsonAsync(HttpStatusCode.Created);

        var renamed = await (await admin.PutAsync($"/api/customers/{account}", new { name = "Held Company" })).JsonAsync(HttpStatusCode.OK);
        Assert.True(renamed.GetProperty("blocked").GetBoolean());
        Assert.True(renamed.GetProperty("creditHold").GetBoolean());
        Assert.Equal("BR-DAL", renamed.GetProperty("homeSite").GetString());

        var sku = Api.UniqueSku();
        await (await admin.PostAsync("/api/items", new { sku, description = "Cable", baseUnit = "M", fractionalBaseUnit = true, conversions = new[] { new { unit = "RL", factor = 100 } } }))
            .JsonAsync(HttpStatusCode.Created);
        var item = await (await admin.PutAsync($"/api/items/{sku}", new { description = "Cable, renamed" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("M", item.GetProperty("baseUnit").GetString());
        Assert.Equal(1, item.GetProperty("conversions").GetArrayLength());
    }

    [Fact]
    public async Task Bug_ChangingTheBaseUnit_RewroteTheMeaningOfStock()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = Api.UniqueSku();
        await (await admin.PostAsync("/api/items", new { sku, description = "Cable", baseUnit = "M", fractionalBaseUnit = true })).JsonAsync(HttpStatusCode.Created);
        var problem = await (await admin.PutAsync($"/api/items/{sku}", new { baseUnit = "EA", fractionalBaseUnit = false })).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("cannot change", problem.FieldError("baseUnit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_NullRowsAndNullElements_Gave500()
    {
        using var admin = await server.ClientAsync("admin");
        (await (await admin.PostAsync("/api/items/bulk", new object?[] { null })).ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("[0]");
        (await (await admin.PostAsync("/api/items", new { sku = Api.UniqueSku(), description = "x", conversions = new object?[] { null } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("conversions");
        (await (await admin.PostAsync("/api/customers", new { accountNumber = "C-NULLS", name = "x", segment = "oem", homeSite = "BR-DAL", shipTos = new object?[] { null } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("shipTos");
    }

    [Fact]
    public async Task Bug_AbsurdQuantityInCases_OverflowedTo500()
    {
        using var admin = await server.ClientAsync("admin");
        var response = await admin.PostAsync("/api/inventory/receipts", new { site = "BR-DET", location = "A-01-1", sku = "BLT-10002", quantity = 7e27m, unit = "CS" });
        Assert.Contains("the most a quantity may be", (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("quantity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_HugePageNumber_OverflowedTheOffset()
    {
        using var admin = await server.ClientAsync("admin");
        (await (await admin.GetAsync("/api/items?page=2147483647", Ct)).ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("page");
    }

    [Fact]
    public async Task Bug_InactiveLocation_CouldNotBeEmptied()
    {
        using var admin = await server.ClientAsync("admin");
        var code = "OLD-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await (await admin.PostAsync("/api/sites/BR-DAL/locations", new { code, kind = "bin" })).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/inventory/receipts", new { site = "BR-DAL", location = code, sku = "BRG-10001", quantity = 5 })).JsonAsync(HttpStatusCode.Created);
        await (await admin.PutAsync($"/api/sites/BR-DAL/locations/{code}", new { active = false })).JsonAsync(HttpStatusCode.OK);

        await (await admin.PostAsync("/api/inventory/moves", new { site = "BR-DAL", sku = "BRG-10001", quantity = 5, from = new { location = code }, to = new { location = "A-01-1" } }))
            .JsonAsync(HttpStatusCode.Created);
        var refused = await (await admin.PostAsync("/api/inventory/receipts", new { site = "BR-DAL", location = code, sku = "BRG-10001", quantity = 1 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("inactive", refused.FieldError("location"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_LongTokenNames_OverflowedTheAuditActorOnPostgres()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.CreateTokenAsync("admin", permissions: null, sites: null, name: new string('t', 65)));
        Assert.Contains("1 to 64 characters", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task Bug_BlankSignInFields_Gave500()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var form = await browser.GetStringAsync("/signin", Ct);
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(
            [new("UserName", ""), new("Password", ""), new("__RequestVerificationToken", AntiforgeryField().Match(form).Groups[1].Value)]), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("user name or password is not right", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
