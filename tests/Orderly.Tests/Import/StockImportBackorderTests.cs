using System.Net;
using Orderly.Cli;
using Orderly.Tests.Orders;

namespace Orderly.Tests.Import;

/// <summary>Opening stock is stock like any receipt: orders waiting for the item get it, on the running demo server.</summary>
public class StockImportBackorderTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stock_OffersTheOpenedStockToWaitingBackorders()
    {
        using var admin = await server.ClientAsync("admin");
        var missing = await OrderWorld.ItemAsync(admin);
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-BOS");
        var order = await OrderWorld.CaptureAsync(admin, OrderWorld.Order(customer, (missing, 3)));
        Assert.Equal("held", order.GetProperty("status").GetString());
        var file = Path.Combine(Path.GetTempPath(), $"opening-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"site,location,sku,status,quantity\nBR-BOS,A-01-1,{missing},available,5\n", Ct);
        try
        {
            using var error = new StringWriter();
            var exit = await OrderlyCommandLine.RunAsync(["import", "stock", file, "--db", server.Database.ConnectionString], TextWriter.Null, error, Ct);
            Assert.True(exit == CliHost.Ok, error.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        var after = await (await admin.GetAsync($"/api/orders/{order.GetProperty("id")}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("allocated", after.GetProperty("status").GetString());
        Assert.Equal(2, (await OrderWorld.BalanceAsync(admin, missing, "BR-BOS")).GetProperty("available").GetDecimal());
    }
}
