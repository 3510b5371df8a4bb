using System.Net;
using System.Text;

namespace Orderly.Tests.Hosting;

/// <summary>Requests the API cannot read get a problem that says what and where, and change nothing.</summary>
public class RequestRulesTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task MalformedJson_SaysWhere()
    {
        using var client = await server.ClientAsync("admin");
        var response = await client.PostAsync("/api/items", Json("""{ "sku": "X-1", "description": "Bolt", }"""), Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("line 1", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedJson_IsRefused()
    {
        using var client = await server.ClientAsync("admin");
        var response = await client.PostAsync("/api/items", Json("""{ "sku": "X-1", "descrip"""), Ct);
        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task WrongJsonType_NamesTheField()
    {
        using var client = await server.ClientAsync("admin");
        var response = await client.PostAsync("/api/items", Json("""{ "sku": "X-1", "description": "Bolt", "weightKg": "heavy" }"""), Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-json");
        var message = problem.FieldError("weightKg");
        Assert.Contains("not valid", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOverOneMebibyte_Is413AndNothingIsStored()
    {
        using var client = await server.ClientAsync("admin");
        var sku = Api.UniqueSku();
        var huge = $$"""{ "sku": "{{sku}}", "description": "{{new string('x', 1024 * 1024)}}" }""";
        var response = await client.PostAsync("/api/items", Json(huge), Ct);
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/items/{sku}", Ct)).StatusCode);
    }

    [Fact]
    public async Task FormInsteadOfJson_Is415()
    {
        using var client = await server.ClientAsync("admin");
        var response = await client.PostAsync("/api/items", new FormUrlEncodedContent([new("sku", "X-1")]), Ct);
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task EveryResponse_CarriesTheCorrelationId_ItWasGiven()
    {
        using var client = await server.ClientAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/NO-SUCH-SKU");
        request.Headers.Add("X-Correlation-Id", "ticket-4711");
        var response = await client.SendAsync(request, Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("ticket-4711", problem.GetProperty("correlationId").GetString());
        Assert.Equal("ticket-4711", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerWithoutSignIn()
    {
        using var client = server.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndTheReferencePageIsServed()
    {
        using var client = server.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/items", "/api/customers", "/api/sites", "/api/sites/{site}/locations", "/api/inventory", "/api/inventory/receipts", "/api/audit" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
        var page = await client.GetAsync("/api/docs", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }
}
