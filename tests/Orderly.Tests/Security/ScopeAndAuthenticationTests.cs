using System.Net;
using System.Net.Http.Headers;

namespace Orderly.Tests.Security;

public class ScopeAndAuthenticationTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sites_WithoutToken_Is401Problem()
    {
        using var client = server.Anonymous();
        var response = await client.GetAsync("/api/sites", Ct);
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_WithUnknownToken_Is401()
    {
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "oly_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sites", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sites_AdminToken_ListsAllFifteen()
    {
        using var client = await server.ClientAsync("admin");
        var page = await (await client.GetAsync("/api/sites?pageSize=50", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(15, page.GetProperty("total").GetInt32());
        Assert.Equal(15, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Sites_PickerScopedToOneBranch_SeesOnlyThatBranch()
    {
        using var client = await server.ClientAsync("picker");
        var page = await (await client.GetAsync("/api/sites", Ct)).JsonAsync(HttpStatusCode.OK);
        var codes = page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString());
        Assert.Equal(["BR-DET"], codes);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/sites/BR-STL", Ct)).StatusCode);
    }

    [Fact]
    public async Task Inventory_PickerAtOneBranch_CannotReadAnotherBranch()
    {
        using var client = await server.ClientAsync("picker");
        var other = await client.GetAsync("/api/inventory?site=BR-STL", Ct);
        await other.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var unknown = await client.GetAsync("/api/inventory?site=NO-SUCH-SITE", Ct);
        var problem = await unknown.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain("exist", problem.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);

        var own = await (await client.GetAsync("/api/inventory?site=BR-DET&pageSize=5", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(own.GetProperty("items").EnumerateArray());
        Assert.All(own.GetProperty("items").EnumerateArray(), b => Assert.Equal("BR-DET", b.GetProperty("site").GetString()));
        var unfiltered = await (await client.GetAsync("/api/inventory?pageSize=200", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(unfiltered.GetProperty("items").EnumerateArray());
        Assert.All(unfiltered.GetProperty("items").EnumerateArray(), b => Assert.Equal("BR-DET", b.GetProperty("site").GetString()));
    }

    [Fact]
    public async Task Receipt_TokenWithoutPermission_Is403()
    {
        using var client = await server.ClientAsync("supervisor", permissions: "inventory:read");
        var response = await client.PostAsync("/api/inventory/receipts", new { site = "BR-DET", location = "A-01-1", sku = "BRG-10001", quantity = 1 });
        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Receipt_SupervisorAtAnotherBranch_Is403AndChangesNothing()
    {
        using var client = await server.ClientAsync("supervisor");
        var response = await client.PostAsync("/api/inventory/receipts", new { site = "BR-STL", location = "A-01-1", sku = "BRG-10001", quantity = 1 });
        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Token_CannotReachBeyondItsUser()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.CreateTokenAsync("picker", sites: "BR-DET,BR-STL"));
        Assert.Contains("no further than its user", error.Message, StringComparison.Ordinal);
        var permission = await Assert.ThrowsAsync<InvalidOperationException>(() => server.CreateTokenAsync("picker", permissions: "audit:read"));
        Assert.Contains("does not hold 'audit:read'", permission.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_AdminReads_OthersAreRefused()
    {
        using var admin = await server.ClientAsync("admin");
        var page = await (await admin.GetAsync("/api/audit?pageSize=5", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        using var supervisor = await server.ClientAsync("supervisor");
        await (await supervisor.GetAsync("/api/audit", Ct)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
