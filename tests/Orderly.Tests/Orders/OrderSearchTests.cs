using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Orderly.Api;
using Orderly.Core.Orders;
using Orderly.Data;
using Orderly.Orders;
using Orderly.Security;
using Orderly.Application.Orders;
using Orderly.Application.Paging;
using Orderly.Application.Access;
using Orderly.Core.Security;

namespace Orderly.Tests.Orders;

/// <summary>Order search: newest first, paged by id, with a total that is exact or says it is a lower bound.</summary>
public class OrderSearchTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderWorld _world = new(server);

    /// <summary>A new customer homed at BR-DAL with three orders of one, two and three lines, captured in that order.</summary>
    private static async Task<(string Account, long[] Ids)> CustomerWithThreeOrdersAsync(HttpClient admin)
    {
        var account = $"C{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant();
        await (await admin.PostAsync("/api/customers", new
        {
            accountNumber = account,
            name = "Search Test Supply",
            segment = "industrial",
            homeSite = "BR-DAL",
            shipTos = new[] { new { code = "MAIN", name = "Search Test Supply", line1 = "1 Mill Rd", city = "Dallas", region = "TX", postalCode = "75201", country = "US", isDefault = true } },
        })).JsonAsync(HttpStatusCode.Created);
        var sku = await OrderWorld.ItemAsync(admin, units: 100, site: "BR-DAL");
        var ids = new long[3];
        for (var i = 0; i < 3; i++)
        {
            var lines = Enumerable.Range(0, i + 1).Select(_ => (sku, 1m)).ToArray();
            ids[i] = (await OrderWorld.CaptureAsync(admin, OrderWorld.Order(account, lines))).GetProperty("id").GetInt64();
        }
        return (account, ids);
    }

    private static IEnumerable<(long Id, int Lines)> Items(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetInt64(), o.GetProperty("lines").GetInt32()));

    [Fact]
    public async Task Search_ByCustomer_PagesNewestFirst_WithEachOrdersLineCount()
    {
        using var admin = await _world.AdminAsync();
        var (account, ids) = await CustomerWithThreeOrdersAsync(admin);

        var first = await (await admin.GetAsync($"/api/orders?customer={account.ToLowerInvariant()}&pageSize=2", Ct)).JsonAsync(HttpStatusCode.OK);
        var second = await (await admin.GetAsync($"/api/orders?customer={account}&pageSize=2&page=2", Ct)).JsonAsync(HttpStatusCode.OK);
        var beyond = await (await admin.GetAsync($"/api/orders?customer={account}&pageSize=2&page=3", Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([(ids[2], 3), (ids[1], 2)], Items(first));
        Assert.Equal([(ids[0], 1)], Items(second));
        Assert.Empty(Items(beyond));
        foreach (var page in new[] { first, second, beyond })
        {
            Assert.Equal(3, page.GetProperty("total").GetInt32());
            Assert.True(page.GetProperty("totalIsExact").GetBoolean());
        }
    }

    [Fact]
    public async Task Search_ByExternalRef_FindsTheOrderWhateverItsChannel()
    {
        using var admin = await _world.AdminAsync();
        var customer = await OrderWorld.CustomerAtAsync(admin, "BR-DAL");
        var sku = await OrderWorld.ItemAsync(admin, units: 5, site: "BR-DAL");
        var reference = "EDI-" + Guid.NewGuid().ToString("N")[..12];
        var order = await OrderWorld.CaptureAsync(admin, new { channel = "edi", externalRef = reference, customer, lines = new[] { new { sku, quantity = 1 } } });

        var found = await (await admin.GetAsync($"/api/orders?externalRef={reference}", Ct)).JsonAsync(HttpStatusCode.OK);

        var only = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(order.GetProperty("id").GetInt64(), only.GetProperty("id").GetInt64());
        Assert.Equal("edi", only.GetProperty("channel").GetString());
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.True(found.GetProperty("totalIsExact").GetBoolean());
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanItCounts_GivesALowerBound_UntilThePageHoldsTheLastMatch()
    {
        using var admin = await _world.AdminAsync();
        var (account, _) = await CustomerWithThreeOrdersAsync(admin);
        await using var scope = server.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<OrderReader>();
        var everyOrder = new VisibleOrders(scope.ServiceProvider.GetRequiredService<OrderlyDbContext>(), siteIds: null);
        IQueryable<Order> OfTheCustomer(IQueryable<Order> orders) => orders.Where(o => o.CustomerAccount == account);

        var first = await reader.SearchAsync(everyOrder, OfTheCustomer, new PageRequest(1, 2), Ct, exactUpTo: 2);
        var last = await reader.SearchAsync(everyOrder, OfTheCustomer, new PageRequest(2, 2), Ct, exactUpTo: 2);

        Assert.Equal((2, false), (first.Total, first.TotalIsExact));
        Assert.Equal(2, first.Items.Count);
        Assert.Equal((3, true), (last.Total, last.TotalIsExact));
    }

    /// <summary>
    /// A caller scoped to DC-CENTRAL sees an order homed there and an order homed at a branch but
    /// allocated at the DC (the branch had no stock), each once, and not a branch order filled at
    /// the branch. The total is counted in two halves (homed there, allocated there); both must
    /// add up to what the page shows, exact or as a lower bound.
    /// </summary>
    [Fact]
    public async Task SearchAsync_ScopedToADc_CountsOrdersHomedThereAndOrdersAllocatedThere_EachOnce()
    {
        using var admin = await _world.AdminAsync();
        var branchCustomer = await OrderWorld.CustomerAtAsync(admin, "BR-STL");
        var dcCustomer = await OrderWorld.CustomerAtAsync(admin, "DC-CENTRAL");
        var onlyAtTheDc = await OrderWorld.ItemAsync(admin, units: 10, site: "DC-CENTRAL");
        var atTheBranch = await OrderWorld.ItemAsync(admin, units: 10, site: "BR-STL");
        var filledByTheDc = (await OrderWorld.CaptureAsync(admin, OrderWorld.Order(branchCustomer, (onlyAtTheDc, 1)))).GetProperty("id").GetInt64();
        var homedAtTheDc = (await OrderWorld.CaptureAsync(admin, OrderWorld.Order(dcCustomer, (onlyAtTheDc, 1)))).GetProperty("id").GetInt64();
        var filledAtTheBranch = (await OrderWorld.CaptureAsync(admin, OrderWorld.Order(branchCustomer, (atTheBranch, 1)))).GetProperty("id").GetInt64();

        await using var scope = server.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<OrderReader>();
        var dcUser = new Actor("dc-user", SiteScope.Only(["DC-CENTRAL"]), new HashSet<string>(StringComparer.Ordinal));
        var visible = await reader.VisibleOrdersAsync(dcUser, Ct);
        // The demo customers are shared with other tests, so the search is narrowed to this test's three orders.
        long[] ours = [filledByTheDc, homedAtTheDc, filledAtTheBranch];
        IQueryable<Order> OfThisTest(IQueryable<Order> orders) => orders.Where(o => ours.Contains(o.Id));

        var all = await reader.SearchAsync(visible, OfThisTest, new PageRequest(1, 10), Ct);
        var firstOfTwo = await reader.SearchAsync(visible, OfThisTest, new PageRequest(1, 1), Ct);
        var capped = await reader.SearchAsync(visible, OfThisTest, new PageRequest(1, 1), Ct, exactUpTo: 1);

        Assert.Equal([homedAtTheDc, filledByTheDc], all.Items.Select(o => o.Id));
        Assert.Equal((2, true), (all.Total, all.TotalIsExact));
        Assert.Equal([homedAtTheDc], firstOfTwo.Items.Select(o => o.Id));
        Assert.Equal((2, true), (firstOfTwo.Total, firstOfTwo.TotalIsExact));
        Assert.Equal((1, false), (capped.Total, capped.TotalIsExact));
        Assert.Equal(2, await visible.CountAsync(OfThisTest, 10, Ct));
        Assert.Equal(1, await visible.CountAsync(OfThisTest, 1, Ct));
    }
}
