using System.Net;
using MiniExcelLibs;
using Orderly.Cli;
using Orderly.Tests.Orders;

namespace Orderly.Tests.Cli;

/// <summary><c>orderly orders import</c>: the same capture path as the API, with row and column in every error.</summary>
public class OrderImportTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Exit, string Out, string Err)> ImportAsync(string path, string user = "customerservice")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OrderCommandsRun(["orders", "import", path, "--user", user, "--db", server.Database.ConnectionString], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static Task<int> OrderCommandsRun(string[] args, StringWriter output, StringWriter error) =>
        OrderlyCommandLine.RunAsync(args, output, error, Ct);

    [Fact]
    public async Task Csv_GoodAndBadOrders_CapturesTheGood_ReportsRowAndColumn_ExitsOne()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 20, site: "BR-STL");
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-STL");
        var good = "IMP-" + Guid.NewGuid().ToString("N")[..8];
        var bad = "IMP-" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, $"""
            external_ref,customer,line,sku,quantity,uom
            {good},{customer},1,{sku},2,EA
            {good},{customer},2,{sku},1,
            {bad},{customer},1,{sku},abc,
            {bad},{customer},2,NO-SUCH-SKU,1,
            """, Ct);
        try
        {
            var (exit, output, error) = await ImportAsync(path);
            Assert.Equal(CliHost.Invalid, exit);
            Assert.Contains("2 orders in 4 rows: 1 created, 0 already captured, 1 rejected", output, StringComparison.Ordinal);
            Assert.Contains("row 4, column quantity: 'abc' is not a number", error, StringComparison.Ordinal);
            var found = await (await admin.GetAsync($"/api/orders?externalRef={good}", Ct)).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(1, found.GetProperty("total").GetInt32());
            Assert.Equal("upload", found.GetProperty("items")[0].GetProperty("channel").GetString());
            var missing = await (await admin.GetAsync($"/api/orders?externalRef={bad}", Ct)).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(0, missing.GetProperty("total").GetInt32());

            var (again, againOutput, _) = await ImportAsync(path);
            Assert.Equal(CliHost.Invalid, again);
            Assert.Contains("0 created, 1 already captured", againOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Xlsx_ValidationErrors_NameTheSpreadsheetRow()
    {
        using var admin = await server.ClientAsync("admin");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "BR-STL");
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-STL");
        var reference = "XLS-" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.xlsx");
        var rows = new[]
        {
            new Dictionary<string, object> { ["external_ref"] = reference, ["customer"] = customer, ["sku"] = sku, ["quantity"] = 1 },
            new Dictionary<string, object> { ["external_ref"] = reference, ["customer"] = customer, ["sku"] = sku, ["quantity"] = 1.5 },
        };
        await MiniExcel.SaveAsAsync(path, rows, cancellationToken: Ct);
        try
        {
            var (exit, _, error) = await ImportAsync(path);
            Assert.Equal(CliHost.Invalid, exit);
            Assert.Contains("row 3, column quantity: EA is counted in whole units", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MissingColumnAndUnknownFormat_AreRefusedBeforeAnythingIsCaptured()
    {
        var path = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "external_ref,customer,sku\nA,B,C\n", Ct);
        try
        {
            var (exit, _, error) = await ImportAsync(path);
            Assert.Equal(CliHost.Invalid, exit);
            Assert.Contains("no 'quantity' column", error, StringComparison.Ordinal);
            var (txtExit, _, txtError) = await ImportAsync(Path.ChangeExtension(path, ".txt"));
            Assert.Equal(CliHost.Invalid, txtExit);
            Assert.Contains("no such file", txtError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
