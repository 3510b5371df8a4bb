using Microsoft.EntityFrameworkCore;
using Orderly.Cli;
using Orderly.Core.Inventory;
using Orderly.Testing;

namespace Orderly.Tests.Import;

/// <summary><c>orderly import stock</c>: opening balances enter the ledger as movements, and balances stay their sum.</summary>
public class StockImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Opening = """
        site,location,sku,status,quantity
        DC-T,A-01,BRG-1,available,120
        dc-t,a-01,cbl-1,Available,35.5
        DC-T,QA-01,BRG-1,quarantine,4
        BR-T,A-01,BRG-1,,7
        BR-T,A-01,CBL-1,available,0

        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stock_OpensEachBucket_WithOneMovement_AndBalancesEqualMovements(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        await world.ImportStockItemsAsync();
        var file = await world.FileAsync("opening.csv", Opening);

        var (exit, output, error) = await world.RunAsync("import", "stock", file);

        Assert.True(exit == CliHost.Ok, error);
        Assert.Matches(@"^imported 4 stock rows from opening\.csv in [0-9.]+ s \([0-9]+ rows/s\): 4 opening movements added to their balances, 1 zero rows skipped", output);
        Assert.Equal(new Dictionary<string, long>
        {
            ["DC-T/A-01/BRG-1/available"] = 120_000,
            ["DC-T/A-01/CBL-1/available"] = 35_500,
            ["DC-T/QA-01/BRG-1/quarantine"] = 4_000,
            ["BR-T/A-01/BRG-1/available"] = 7_000,
        }, await world.BalancesAsync());
        await using var db = world.Db();
        var movements = await db.Movements.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(4, movements.Count);
        Assert.All(movements, m =>
        {
            Assert.Equal(MovementKind.Receipt, m.Kind);
            Assert.Equal("opening-balance", m.ReasonCode);
            Assert.StartsWith("import opening.csv #", m.Reference, StringComparison.Ordinal);
            Assert.Null(m.FromLocationId);
            Assert.StartsWith("cli:", m.Actor, StringComparison.Ordinal);
        });
        Assert.Equal(movements.Sum(m => m.QuantityMilli), (await world.BalancesAsync()).Values.Sum());
        var audit = await db.Audit.AsNoTracking().Where(a => a.EntityType == "stock").ToListAsync(Ct);
        var entry = Assert.Single(audit);
        Assert.Equal("imported", entry.Action);
        Assert.Contains("\"balances\":4", entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stock_SameFileAgain_IsRefused_AndChangesNothing(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        await world.ImportStockItemsAsync();
        var file = await world.FileAsync("opening.csv", Opening);
        Assert.Equal(CliHost.Ok, (await world.RunAsync("import", "stock", file)).Exit);
        var before = await world.BalancesAsync();

        var (exit, output, error) = await world.RunAsync("import", "stock", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Empty(output);
        Assert.Contains("opening.csv: this file was already imported on ", error, StringComparison.Ordinal);
        Assert.Contains("would add its stock twice", error, StringComparison.Ordinal);
        Assert.Equal(before, await world.BalancesAsync());
        await using var db = world.Db();
        Assert.Equal(4, await db.Movements.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stock_AnotherFileForTheSameBuckets_AddsToThem_AsAReceiptWould(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        await world.ImportStockItemsAsync();
        Assert.Equal(CliHost.Ok, (await world.RunAsync("import", "stock", await world.FileAsync("first.csv", Opening))).Exit);
        var second = await world.FileAsync("second.csv", """
            site,location,sku,status,quantity
            DC-T,A-01,BRG-1,available,5
            BR-T,QA-01,CBL-1,quarantine,1.25
            """);

        var (exit, _, error) = await world.RunAsync("import", "stock", second);

        Assert.True(exit == CliHost.Ok, error);
        var balances = await world.BalancesAsync();
        Assert.Equal(125_000, balances["DC-T/A-01/BRG-1/available"]);
        Assert.Equal(1_250, balances["BR-T/QA-01/CBL-1/quarantine"]);
        Assert.Equal(7_000, balances["BR-T/A-01/BRG-1/available"]);
        await using var db = world.Db();
        Assert.Equal(balances.Values.Sum(), await db.Movements.SumAsync(m => m.QuantityMilli, Ct));
        Assert.Equal(6, await db.Movements.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stock_InvalidRows_AreNamedByRowAndColumn_AndNothingIsWritten(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        await world.ImportStockItemsAsync();
        var file = await world.FileAsync("stock.csv", """
            site,location,sku,status,quantity
            DC-T,A-01,BRG-1,available,10
            BR-XXX,A-01,BRG-1,available,1
            DC-T,Z-99,BRG-1,available,1
            DC-T,OLD-01,BRG-1,available,1
            DC-T,A-01,NO-SUCH,available,1
            DC-T,A-01,BRG-1,sold,1
            DC-T,QA-01,BRG-1,allocated,1
            DC-T,QA-01,CBL-1,quarantine,-3
            BR-T,A-01,BRG-1,available,2.5
            BR-T,A-01,CBL-1,available,abc
            dc-t,a-01,brg-1,Available,3
            """);

        var (exit, output, error) = await world.RunAsync("import", "stock", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Empty(output);
        string[] expected =
        [
            "stock.csv: row 3, column site: There is no site 'BR-XXX'.",
            "stock.csv: row 4, column location: Site DC-T has no location 'Z-99'.",
            "stock.csv: row 5, column location: Location DC-T/OLD-01 is inactive and takes no stock.",
            "stock.csv: row 6, column sku: There is no item with SKU 'NO-SUCH'.",
            "stock.csv: row 7, column status: 'sold' is not an inventory status",
            "stock.csv: row 8, column status: Stock enters and leaves 'allocated' only through orders",
            "stock.csv: row 9, column quantity: A quantity cannot be negative.",
            "stock.csv: row 10, column quantity: EA is counted in whole units; 2.5 is fractional.",
            "stock.csv: row 11, column quantity: 'abc' is not a number (use a dot for decimals).",
            "stock.csv: row 12: the same site, location, SKU and status as row 2; each bucket has one opening balance per file.",
            "stock.csv: 10 error(s); nothing was imported.",
        ];
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(expected.Length, lines.Length);
        for (var i = 0; i < expected.Length; i++) Assert.StartsWith(expected[i], lines[i], StringComparison.Ordinal);
        Assert.Empty(await world.BalancesAsync());
        await using var db = world.Db();
        Assert.Equal(0, await db.Movements.CountAsync(Ct));
        Assert.Equal(0, await db.Audit.CountAsync(a => a.EntityType == "stock", Ct));
    }

    [Fact]
    public async Task Stock_MissingColumn_IsRefusedBeforeAnyRowIsRead()
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        var file = await world.FileAsync("stock.csv", "site,location,sku,status\nDC-T,A-01,BRG-1,available\n");

        var (exit, _, error) = await world.RunAsync("import", "stock", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("stock.csv: row 1: the header has no 'quantity' column (columns: site, location, sku, status, quantity).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_UnknownColumn_IsRefused_NotIgnored()
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        var file = await world.FileAsync("stock.csv", "site,location,sku,qty,quantity\nDC-T,A-01,BRG-1,1,1\n");

        var (exit, _, error) = await world.RunAsync("import", "stock", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("stock.csv: row 1: 'qty' is not a column of this file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("site,location,sku,status,quantity\n")]
    public async Task Stock_EmptyFileOrHeaderOnly_IsRefused(string content)
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        var file = await world.FileAsync("stock.csv", content);

        var (exit, _, error) = await world.RunAsync("import", "stock", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains(content.Length == 0 ? "row 1: the file is empty" : "row 2: the file has a header but no rows", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_MissingOrNonCsvFile_IsRefused()
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        var text = await world.FileAsync("stock.txt", "site\n");

        Assert.Contains("only .csv files", (await world.RunAsync("import", "stock", text)).Err, StringComparison.Ordinal);
        var (exit, _, error) = await world.RunAsync("import", "stock", text + ".csv");
        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }
}
