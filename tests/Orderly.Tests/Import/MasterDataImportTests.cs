using Microsoft.EntityFrameworkCore;
using Orderly.Cli;
using Orderly.Testing;

namespace Orderly.Tests.Import;

/// <summary><c>orderly import items</c> and <c>customers</c>: upserts by business key, with the bulk-upsert API's rules and messages.</summary>
public class MasterDataImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Items_CreatedThenUpdatedBySku_EmptyCellsKeepStoredValues(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        var first = await world.FileAsync("items.csv", """
            sku,gtin,description,base_unit,fractional_base_unit,conversions,weight_kg,active,sellable,replenishment_lead_time_days,substitutes
            brg-6204,4006381333931,Ball bearing 6204-2RS,EA,false,CS=10;PL=400,0.2,true,yes,14,BRG-6205
            BRG-6205,,Ball bearing 6205-2RS,EA,,CS=10,0.25,,,,
            """);
        var (exit, output, error) = await world.RunAsync("import", "items", first);
        Assert.True(exit == CliHost.Ok, error);
        Assert.Contains("imported 2 item rows from items.csv in ", output, StringComparison.Ordinal);
        Assert.Contains("2 created, 0 updated.", output, StringComparison.Ordinal);

        var second = await world.FileAsync("items-update.csv", """
            sku,description,weight_kg,active
            BRG-6204,Ball bearing 6204-2RS C3,,no
            BRG-6205,,0.3,
            """);
        (exit, output, error) = await world.RunAsync("import", "items", second);
        Assert.True(exit == CliHost.Ok, error);
        Assert.Contains("0 created, 2 updated.", output, StringComparison.Ordinal);

        await using var db = world.Db();
        var items = await db.Items.AsNoTracking().OrderBy(i => i.Sku).ToListAsync(Ct);
        Assert.Equal(["BRG-6204", "BRG-6205"], items.Select(i => i.Sku));
        var (bearing, other) = (items[0], items[1]);
        Assert.Equal("04006381333931", bearing.Gtin?.Gtin14);
        Assert.Equal("Ball bearing 6204-2RS C3", bearing.Description);
        Assert.Equal(0.2m, bearing.WeightKg);
        Assert.False(bearing.Active);
        Assert.Equal([("CS", 10m), ("PL", 400m)], bearing.Conversions.Select(c => (c.Unit, c.Factor)));
        Assert.Equal(["BRG-6205"], bearing.Substitutes);
        Assert.Equal(14, bearing.ReplenishmentLeadTimeDays);
        Assert.Equal("Ball bearing 6205-2RS", other.Description);
        Assert.Equal(0.3m, other.WeightKg);
        Assert.True(other.Active);
        Assert.Equal(7, other.ReplenishmentLeadTimeDays);
        var audits = await db.Audit.AsNoTracking().Where(a => a.EntityType == "item" && a.Action == "imported").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, audits.Count);
        AssertImportAudit(audits[0], "items.csv", """{"file":"items.csv","rows":2,"created":2,"updated":0}""");
        AssertImportAudit(audits[1], "items-update.csv", """{"file":"items-update.csv","rows":2,"created":0,"updated":2}""");
        Assert.True(audits[0].At <= audits[1].At);
    }

    /// <summary>
    /// A file naming no stored SKU is copied straight into the table on PostgreSQL; one naming some
    /// is merged. The second file here mixes a stored SKU with a new one.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Items_FileMixingStoredAndNewSkus_UpdatesTheOneAndCreatesTheOther(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        var first = await world.FileAsync("first.csv", """
            sku,description,base_unit
            MIX-1,First item,EA
            """);
        var (exit, _, error) = await world.RunAsync("import", "items", first);
        Assert.True(exit == CliHost.Ok, error);
        var mixed = await world.FileAsync("mixed.csv", """
            sku,description,base_unit
            MIX-1,First item renamed,EA
            MIX-2,Second item,M
            """);
        (exit, var output, error) = await world.RunAsync("import", "items", mixed);
        Assert.True(exit == CliHost.Ok, error);
        Assert.Contains("1 created, 1 updated.", output, StringComparison.Ordinal);

        await using var db = world.Db();
        var items = await db.Items.AsNoTracking().OrderBy(i => i.Sku).Select(i => new { i.Sku, i.Description, i.BaseUnit }).ToListAsync(Ct);
        Assert.Equal([("MIX-1", "First item renamed", "EA"), ("MIX-2", "Second item", "M")], items.Select(i => (i.Sku, i.Description, i.BaseUnit)));
    }

    /// <summary>The import writes its audit entry with its own bulk path: it must read back through EF as any other entry does.</summary>
    private static void AssertImportAudit(Orderly.Data.Audit.AuditEntry entry, string file, string after)
    {
        Assert.Equal($"cli:{Environment.UserName}", entry.Actor);
        Assert.Equal(file, entry.EntityKey);
        Assert.Equal(after, entry.After);
        Assert.Null(entry.Before);
        Assert.EndsWith($"import of {file}", entry.Reason, StringComparison.Ordinal);
        Assert.Null(entry.SiteCode);
        Assert.InRange(entry.At, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Items_InvalidRows_AreNamedByRowAndColumn_AndNothingIsWritten()
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        var file = await world.FileAsync("items.csv", """
            sku,gtin,description,base_unit,weight_kg,conversions,active
            BRG-1,4006381333932,Bearing,EA,0.2,,
            BRG-2,,Bearing,EA,heavy,,
            BRG-3,,,EA,0.1,CS:12,
            BRG-4,,Bearing,EA,0.1,CS=12,maybe
            brg-2,,Bearing again,EA,0.1,,
            BRG 5,,Bearing,EA,0.1,,
            BRG-6,4006381333931,Bearing,EA,0.1,,
            BRG-7,4006381333931,Bearing,EA,0.1,,
            """);

        var (exit, output, error) = await world.RunAsync("import", "items", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Empty(output);
        Assert.Contains("items.csv: row 2, column gtin: '4006381333932' is not a valid GTIN: its check digit should be 1.", error, StringComparison.Ordinal);
        Assert.Contains("items.csv: row 3, column weight_kg: 'heavy' is not a number", error, StringComparison.Ordinal);
        Assert.Contains("items.csv: row 4, column conversions: 'CS:12' is not UNIT=FACTOR", error, StringComparison.Ordinal);
        Assert.Contains("items.csv: row 5, column active: 'maybe' is not true or false", error, StringComparison.Ordinal);
        Assert.Contains("items.csv: row 6, column sku: 'BRG-2' already appears in row 3", error, StringComparison.Ordinal);
        Assert.Contains("items.csv: row 7, column sku: A SKU may hold letters, digits and - _ . / only", error, StringComparison.Ordinal);
        Assert.Contains("items.csv: row 9, column gtin: '4006381333931' is also in row 8; it must be unique.", error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported.", error, StringComparison.Ordinal);
        await using var db = world.Db();
        Assert.Equal(0, await db.Items.CountAsync(Ct));
    }

    [Fact]
    public async Task Items_GtinOfAnotherStoredItem_IsRefused()
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        Assert.Equal(CliHost.Ok, (await world.RunAsync("import", "items", await world.FileAsync("a.csv", "sku,gtin,description\nBRG-1,4006381333931,Bearing\n"))).Exit);

        var (exit, _, error) = await world.RunAsync("import", "items", await world.FileAsync("b.csv", "sku,gtin,description\nBRG-2,4006381333931,Other\n"));

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("b.csv: row 2, column gtin: GTIN 4006381333931 already belongs to item BRG-1.", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Customers_CreatedWithTheirDefaultShipTo_ThenUpdatedByAccount(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        var first = await world.FileAsync("customers.csv", """
            account_number,name,segment,home_site,credit_hold,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country
            c-100,Northside Mechanical,Contractor,br-t,,12 Mill Rd,Detroit,MI,48201,us
            C-200,Summit Foods,industrial,DC-T,yes,1 Depot St,Chicago,IL,60601,US
            """);
        var (exit, output, error) = await world.RunAsync("import", "customers", first);
        Assert.True(exit == CliHost.Ok, error);
        Assert.Contains("2 created, 0 updated.", output, StringComparison.Ordinal);

        var second = await world.FileAsync("customers-update.csv", """
            account_number,segment,home_site,ship_to_code,ship_to_name,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country
            C-100,oem,DC-T,YARD,Northside yard,Gate 2,Detroit,MI,48202,US
            C-200,,,,,,,,,
            """);
        (exit, output, error) = await world.RunAsync("import", "customers", second);
        Assert.True(exit == CliHost.Ok, error);
        Assert.Contains("0 created, 2 updated.", output, StringComparison.Ordinal);

        await using var db = world.Db();
        var customers = await db.Customers.AsNoTracking().Include(c => c.HomeSite).OrderBy(c => c.AccountNumber).ToListAsync(Ct);
        var (northside, summit) = (customers[0], customers[1]);
        Assert.Equal("C-100", northside.AccountNumber);
        Assert.Equal("Northside Mechanical", northside.Name);
        Assert.Equal("oem", northside.Segment);
        Assert.Equal("DC-T", northside.HomeSite!.Code);
        Assert.Equal([("YARD", true), ("MAIN", false)], northside.ShipTos.Select(a => (a.Code, a.IsDefault)));
        Assert.Equal("Northside Mechanical", northside.ShipTos[1].Name);
        Assert.Equal("industrial", summit.Segment);
        Assert.True(summit.CreditHold);
        Assert.Equal("1 Depot St", Assert.Single(summit.ShipTos).Line1);
        var audits = await db.Audit.AsNoTracking().Where(a => a.EntityType == "customer" && a.Action == "imported").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, audits.Count);
        AssertImportAudit(audits[0], "customers.csv", """{"file":"customers.csv","rows":2,"created":2,"updated":0}""");
        AssertImportAudit(audits[1], "customers-update.csv", """{"file":"customers-update.csv","rows":2,"created":0,"updated":2}""");
    }

    [Fact]
    public async Task Customers_InvalidRows_AreNamedByRowAndColumn_AndNothingIsWritten()
    {
        await using var world = await ImportWorld.CreateAsync(TestDatabase.Sqlite);
        var file = await world.FileAsync("customers.csv", """
            account_number,name,segment,home_site,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country
            C-1,Acme,oem,BR-XXX,1 Main St,Detroit,MI,48201,US
            C-2,Acme,oem,BR-T,,,,,
            C-3,Acme,oem,BR-T,1 Main St,Detroit,MI,48201,USA
            C-1,Acme,oem,BR-T,1 Main St,Detroit,MI,48201,US
            """);

        var (exit, _, error) = await world.RunAsync("import", "customers", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("customers.csv: row 2, column home_site: There is no site 'BR-XXX' that you may use.", error, StringComparison.Ordinal);
        Assert.Contains("customers.csv: row 3, column ship_to_line1: At least one ship-to address is required.", error, StringComparison.Ordinal);
        Assert.Contains("customers.csv: row 4, column ship_to_country: A country is its ISO 3166-1 alpha-2 code", error, StringComparison.Ordinal);
        Assert.Contains("customers.csv: row 5, column account_number: 'C-1' already appears in row 2", error, StringComparison.Ordinal);
        await using var db = world.Db();
        Assert.Equal(0, await db.Customers.CountAsync(Ct));
    }

    /// <summary>
    /// Rows are written while later ones are still being checked (CheckedRows), so by the time the
    /// last rows fail here hundreds are written already: the import's transaction must take them back.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Customers_ALateInvalidRow_TakesBackTheRowsWrittenBeforeIt(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        var lines = Enumerable.Range(1, 1200).Select(i => $"LATE-{i:D4},Customer {i},oem,BR-T,{i} Main St,Detroit,MI,48201,US").ToList();
        lines.Add("LATE-0007,Again,oem,BR-T,7 Main St,Detroit,MI,48201,US");
        lines.Add("LATE-9999,Nowhere,oem,BR-XXX,1 Main St,Detroit,MI,48201,US");
        var file = await world.FileAsync("late.csv",
            "account_number,name,segment,home_site,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country\n" + string.Join("\n", lines));

        var (exit, output, error) = await world.RunAsync("import", "customers", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.DoesNotContain("imported", output, StringComparison.Ordinal);
        Assert.Contains("late.csv: row 1202, column account_number: 'LATE-0007' already appears in row 8", error, StringComparison.Ordinal);
        Assert.Contains("late.csv: row 1203, column home_site: There is no site 'BR-XXX' that you may use.", error, StringComparison.Ordinal);
        Assert.Contains("late.csv: 2 error(s); nothing was imported.", error, StringComparison.Ordinal);
        await using var db = world.Db();
        Assert.Equal(0, await db.Customers.CountAsync(c => c.AccountNumber.StartsWith("LATE-"), Ct));
        Assert.Equal(0, await db.Audit.CountAsync(a => a.EntityType == "customer" && a.Action == "imported", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Items_ALateDuplicateSku_TakesBackTheRowsWrittenBeforeIt(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        var lines = Enumerable.Range(1, 1000).Select(i => $"LATE-{i:D4},,Item {i},EA").Append("late-0001,,Item 1 again,EA");
        var file = await world.FileAsync("late-items.csv", "sku,gtin,description,base_unit\n" + string.Join("\n", lines));

        var (exit, _, error) = await world.RunAsync("import", "items", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("late-items.csv: row 1002, column sku: 'LATE-0001' already appears in row 2; each item once per file.", error, StringComparison.Ordinal);
        await using var db = world.Db();
        Assert.Equal(0, await db.Items.CountAsync(i => i.Sku.StartsWith("LATE-"), Ct));
    }

    /// <summary>
    /// The same with a stored account in the file, so that on PostgreSQL the rows go through the
    /// temporary table and the merge rather than straight into the table: the stored customer keeps
    /// its values.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Customers_ALateInvalidRow_InAFileUpdatingAStoredCustomer_ChangesNothing(string provider)
    {
        await using var world = await ImportWorld.CreateAsync(provider);
        var first = await world.FileAsync("first.csv", """
            account_number,name,segment,home_site,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country
            KEEP-1,Kept name,oem,BR-T,1 Main St,Detroit,MI,48201,US
            """);
        var (exit, _, error) = await world.RunAsync("import", "customers", first);
        Assert.True(exit == CliHost.Ok, error);
        var lines = new List<string> { "KEEP-1,Changed name,oem,BR-T,1 Main St,Detroit,MI,48201,US" };
        lines.AddRange(Enumerable.Range(1, 1000).Select(i => $"MERGE-{i:D4},Customer {i},oem,BR-T,{i} Main St,Detroit,MI,48201,US"));
        lines.Add("MERGE-9999,Nowhere,oem,BR-XXX,1 Main St,Detroit,MI,48201,US");
        var file = await world.FileAsync("merge.csv",
            "account_number,name,segment,home_site,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country\n" + string.Join("\n", lines));

        (exit, _, error) = await world.RunAsync("import", "customers", file);

        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("merge.csv: row 1003, column home_site: There is no site 'BR-XXX' that you may use.", error, StringComparison.Ordinal);
        await using var db = world.Db();
        Assert.Equal("Kept name", (await db.Customers.SingleAsync(c => c.AccountNumber == "KEEP-1", Ct)).Name);
        Assert.Equal(0, await db.Customers.CountAsync(c => c.AccountNumber.StartsWith("MERGE-"), Ct));
    }
}
