using System.Net;

namespace Orderly.Tests.MasterData;

public class ItemApiTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Bolt(string sku, string? gtin = null) => new
    {
        sku,
        gtin,
        description = "Hex bolt M12 x 60 grade 8.8",
        baseUnit = "EA",
        conversions = new[] { new { unit = "CS", factor = 100 } },
        weightKg = 0.06,
    };

    [Fact]
    public async Task Create_Get_Update_RoundTrip_AndEveryChangeIsAudited()
    {
        using var client = await server.ClientAsync("planner");
        var sku = Api.UniqueSku("BLT");
        var created = await (await client.PostAsync("/api/items", Bolt(sku.ToLowerInvariant()))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(sku, created.GetProperty("sku").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());

        var updated = await (await client.PutAsync($"/api/items/{sku}", new { description = "Hex bolt M12 x 60 grade 10.9", conversions = Array.Empty<object>() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Hex bolt M12 x 60 grade 10.9", updated.GetProperty("description").GetString());

        var read = await (await client.GetAsync($"/api/items/{sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, read.GetProperty("conversions").GetArrayLength());

        using var admin = await server.ClientAsync("admin");
        var audit = await (await admin.GetAsync($"/api/audit?entityType=item&entityKey={sku}", Ct)).JsonAsync(HttpStatusCode.OK);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["updated", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Contains("grade 8.8", entries[0].GetProperty("before").GetString()!, StringComparison.Ordinal);
        Assert.Contains("grade 10.9", entries[0].GetProperty("after").GetString()!, StringComparison.Ordinal);
        Assert.StartsWith("planner (token test-", entries[0].GetProperty("actor").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateSku_Is409()
    {
        using var client = await server.ClientAsync("planner");
        var sku = Api.UniqueSku();
        await (await client.PostAsync("/api/items", Bolt(sku))).JsonAsync(HttpStatusCode.Created);
        var again = await client.PostAsync("/api/items", Bolt(sku));
        var problem = await again.ProblemAsync(HttpStatusCode.Conflict, "duplicate-key");
        Assert.Contains(sku, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WrongGtinCheckDigit_NamesTheFieldAndTheRightDigit()
    {
        using var client = await server.ClientAsync("planner");
        var sku = Api.UniqueSku();
        var problem = await (await client.PostAsync("/api/items", Bolt(sku, gtin: "4006381333932"))).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("check digit should be 1", problem.FieldError("gtin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/items/{sku}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_ReportsEveryInvalidField()
    {
        using var client = await server.ClientAsync("planner");
        var problem = await (await client.PostAsync("/api/items", new
        {
            sku = "bad sku",
            description = "",
            conversions = new[] { new { unit = "CS", factor = -1 } },
            replenishmentLeadTimeDays = 999,
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        foreach (var field in new[] { "sku", "description", "conversions[0].factor", "replenishmentLeadTimeDays" })
            problem.FieldError(field);
    }

    [Fact]
    public async Task Create_WithoutWritePermission_Is403()
    {
        using var client = await server.ClientAsync("customerservice");
        await (await client.PostAsync("/api/items", Bolt(Api.UniqueSku()))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Bulk_OneBadRow_RejectsTheWholeBatch()
    {
        using var client = await server.ClientAsync("planner");
        var good = Api.UniqueSku();
        var problem = await (await client.PostAsync("/api/items/bulk", new[] { Bolt(good), Bolt(Api.UniqueSku(), gtin: "123") }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.FieldError("[1].gtin");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/items/{good}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bulk_DuplicateKeyInBatch_IsRefused()
    {
        using var client = await server.ClientAsync("planner");
        var sku = Api.UniqueSku();
        var problem = await (await client.PostAsync("/api/items/bulk", new[] { Bolt(sku), Bolt(sku) })).ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("row 0", problem.FieldError("[1].key"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_UpsertsByBusinessKey()
    {
        using var client = await server.ClientAsync("planner");
        var existing = Api.UniqueSku();
        await (await client.PostAsync("/api/items", Bolt(existing))).JsonAsync(HttpStatusCode.Created);
        var fresh = Api.UniqueSku();
        var result = await (await client.PostAsync("/api/items/bulk", new[] { Bolt(existing), Bolt(fresh) })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/items/{fresh}", Ct)).StatusCode);
    }

    [Fact]
    public async Task List_SearchesDescriptions_AndPages()
    {
        using var client = await server.ClientAsync("customerservice");
        var page = await (await client.GetAsync("/api/items?search=bearing&pageSize=10", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() > 10);
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(),
            i => Assert.Contains("bearing", i.GetProperty("description").GetString()!, StringComparison.OrdinalIgnoreCase));
        var bad = await client.GetAsync("/api/items?pageSize=1000", Ct);
        (await bad.ProblemAsync(HttpStatusCode.BadRequest, "validation")).FieldError("pageSize");
    }

    [Fact]
    public async Task Gtin_IsUniqueInItsFourteenDigitForm()
    {
        using var client = await server.ClientAsync("planner");
        var gtin8 = $"9{Random14()[7..13]}";
        gtin8 = gtin8 + Orderly.Core.Definitions.Gs1CheckDigit.Compute(gtin8);
        await (await client.PostAsync("/api/items", Bolt(Api.UniqueSku(), gtin8))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/items", Bolt(Api.UniqueSku(), gtin8.PadLeft(14, '0')))).ProblemAsync(HttpStatusCode.Conflict, "duplicate-key");
        var found = await (await client.GetAsync($"/api/items?search={gtin8}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bulk_SameGtinTwiceInBatch_NamesBothRows()
    {
        using var client = await server.ClientAsync("planner");
        var gtin = Random14()[..13];
        gtin += Orderly.Core.Definitions.Gs1CheckDigit.Compute(gtin);
        var problem = await (await client.PostAsync("/api/items/bulk", new[] { Bolt(Api.UniqueSku(), gtin), Bolt(Api.UniqueSku(), gtin) }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("row 0", problem.FieldError("[1].gtin"), StringComparison.Ordinal);
    }

    /// <summary>Fourteen digits derived from a new GUID, so each test's GTIN is its own.</summary>
    private static string Random14() =>
        string.Concat(Guid.NewGuid().ToByteArray().Select(b => (char)('0' + b % 10)))[..14];
}
