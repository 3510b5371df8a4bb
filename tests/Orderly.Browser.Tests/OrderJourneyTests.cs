using System.Text.Json;
using Microsoft.Playwright;

namespace Orderly.Browser.Tests;

/// <summary>Whole journeys in a real Chromium: customer service, supervisor and picker.</summary>
public class OrderJourneyTests(BrowserWorld world)
{
    private static async Task<string> CaptureThroughFormAsync(IPage page, string customer, string sku, string quantity)
    {
        await page.GotoAsync("/orders/new");
        await page.GetByLabel("Customer account").FillAsync(customer);
        await page.Locator("#sku-0").FillAsync(sku);
        await page.Locator("#qty-0").FillAsync(quantity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Capture order" }).ClickAsync();
        return page.Url;
    }

    [Fact]
    public async Task CustomerService_CapturesAnOrderThroughTheForm_AndSeesItAllocated()
    {
        var sku = await world.StockedItemAsync("BR-STL", 10);
        var customer = await world.CustomerAtAsync("BR-STL");
        var page = await world.SignInAsync("customerservice");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New order" }).First).ToBeVisibleAsync();

        await page.GotoAsync($"/orders/new?lookup={sku}");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Items found" })).ToContainTextAsync("BR-STL 10 EA");
        await BrowserWorld.ScreenshotAsync(page, "new-order");
        await CaptureThroughFormAsync(page, customer, sku, "3");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("allocated");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Order lines" })).ToContainTextAsync("BR-STL 3");
        await Assertions.Expect(page.GetByText("policy allocation.sourcing").First).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "order-detail");
    }

    [Fact]
    public async Task CustomerService_OrderLongerThanTheForm_AddsLinesKeepingWhatWasTyped()
    {
        var first = await world.StockedItemAsync("BR-STL", 10);
        var eighth = await world.StockedItemAsync("BR-STL", 10);
        var customer = await world.CustomerAtAsync("BR-STL");
        var page = await world.SignInAsync("customerservice");
        await page.GotoAsync("/orders/new");
        await page.GetByLabel("Customer account").FillAsync(customer);
        await page.Locator("#sku-0").FillAsync(first);
        await page.Locator("#qty-0").FillAsync("2");
        await Assertions.Expect(page.Locator("#sku-6")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add 6 more lines" }).ClickAsync();

        await Assertions.Expect(page.Locator("#sku-11")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sku-6")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Customer account")).ToHaveValueAsync(customer);
        await Assertions.Expect(page.Locator("#sku-0")).ToHaveValueAsync(first);
        await Assertions.Expect(page.Locator("#qty-0")).ToHaveValueAsync("2");
        await page.Locator("#sku-7").FillAsync(eighth);
        await page.Locator("#qty-7").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Capture order" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/\\d+$"));
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Order lines" });
        await Assertions.Expect(lines).ToContainTextAsync(first);
        await Assertions.Expect(lines).ToContainTextAsync(eighth);
    }

    [Fact]
    public async Task CustomerService_LooksUpAnItemMidOrder_KeepsWhatWasTyped()
    {
        var typed = await world.StockedItemAsync("BR-STL", 10);
        var looked = await world.StockedItemAsync("BR-STL", 7);
        var customer = await world.CustomerAtAsync("BR-STL");
        var page = await world.SignInAsync("customerservice");
        await page.GotoAsync("/orders/new");
        await page.GetByLabel("Customer account").FillAsync(customer);
        await page.Locator("#sku-0").FillAsync(typed);
        await page.Locator("#qty-0").FillAsync("4");

        var lookup = page.Locator("#lookup");
        await lookup.FillAsync(looked);
        await lookup.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Items found" })).ToContainTextAsync("BR-STL 7 EA");
        await Assertions.Expect(page.GetByLabel("Customer account")).ToHaveValueAsync(customer);
        await Assertions.Expect(page.Locator("#sku-0")).ToHaveValueAsync(typed);
        await Assertions.Expect(page.Locator("#qty-0")).ToHaveValueAsync("4");
        Assert.EndsWith("/orders/new", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerService_RejectedForm_ShowsTheApisFieldMessage()
    {
        var sku = await world.StockedItemAsync("BR-STL", 5);
        var customer = await world.CustomerAtAsync("BR-STL");
        var page = await world.SignInAsync("customerservice");
        await CaptureThroughFormAsync(page, customer, sku, "0");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The order was not captured");
        await Assertions.Expect(page.Locator("#qty-0-error")).ToHaveTextAsync("A quantity must be more than zero.");
        await BrowserWorld.ScreenshotAsync(page, "new-order-rejected");
    }

    [Fact]
    public async Task SupervisorReleases_PickerPicksOnAPhoneWithAShortPick_SupervisorPacksAndShips_TheTimelineShowsIt()
    {
        var bearing = await world.StockedItemAsync("BR-DET", 10, "Journey bearing");
        var bolt = await world.StockedItemAsync("BR-DET", 4, "Journey bolt");
        var customer = await world.CustomerAtAsync("BR-DET");
        using var order = await world.PostAsync("/api/orders", new
        {
            channel = "phone", externalRef = "JRN-" + Guid.NewGuid().ToString("N")[..8], customer,
            lines = new[] { new { sku = bearing, quantity = 2 }, new { sku = bolt, quantity = 4 } },
        });
        var number = order.RootElement.GetProperty("number").GetString()!;
        var id = order.RootElement.GetProperty("id").GetInt64();

        var supervisor = await world.SignInAsync("supervisor");
        await supervisor.GotoAsync("/warehouse");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Release wave" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("released");
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Table, new() { Name = "Open pick tasks" })).ToContainTextAsync(number);
        await BrowserWorld.ScreenshotAsync(supervisor, "warehouse");

        var picker = await world.SignInAsync("picker", phone: true);
        for (var tasks = 0; tasks < 50; tasks++)
        {
            await picker.GotoAsync("/pick");
            var current = picker.GetByRole(AriaRole.Region, new() { Name = "Current task" });
            if (await current.CountAsync() == 0) break;
            var text = await current.InnerTextAsync();
            if (!text.Contains(number, StringComparison.Ordinal))
            {
                await picker.GetByRole(AriaRole.Button, new() { Name = "Picked" }).First.ClickAsync();
                continue;
            }
            if (text.Contains(bolt, StringComparison.Ordinal))
            {
                if (tasks == 0) await BrowserWorld.ScreenshotAsync(picker, "pick-phone");
                await picker.GetByLabel("Found fewer? How many did you pick?").FillAsync("3");
                await picker.GetByRole(AriaRole.Button, new() { Name = "Short pick" }).ClickAsync();
                await Assertions.Expect(picker.GetByRole(AriaRole.Status)).ToContainTextAsync("Short pick recorded: 3 of 4");
            }
            else
            {
                await BrowserWorld.ScreenshotAsync(picker, "pick-phone");
                await picker.GetByRole(AriaRole.Button, new() { Name = "Picked 2" }).ClickAsync();
                await Assertions.Expect(picker.GetByRole(AriaRole.Status)).ToContainTextAsync("Picked 2");
            }
        }

        await supervisor.GotoAsync($"/pack?site=BR-DET&order={number}");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Pack all into a new container" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("notice")).ToContainTextAsync("SSCC");
        await supervisor.GetByLabel("Tracking number").FillAsync("1ZJOURNEY" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        await BrowserWorld.ScreenshotAsync(supervisor, "pack-and-ship");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Ship" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("notice")).ToContainTextAsync("Shipped 1 container(s)");

        await supervisor.GotoAsync($"/orders/{id}");
        var timeline = supervisor.GetByRole(AriaRole.List, new() { Name = "Timeline" });
        foreach (var step in new[] { "order.accepted", "line.allocated", "task.picked", "task.short-picked", "container.packed", "shipment.shipped" })
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        await BrowserWorld.ScreenshotAsync(supervisor, "order-timeline");
    }

    [Fact]
    public async Task PickerAtOneBranch_CannotOpenAnotherBranchesTask_ByLinkOrUrl()
    {
        var sku = await world.StockedItemAsync("BR-MSP", 3);
        var customer = await world.CustomerAtAsync("BR-MSP");
        (await world.PostAsync("/api/orders", new { channel = "api", externalRef = "X-" + Guid.NewGuid().ToString("N")[..8], customer, lines = new[] { new { sku, quantity = 1 } } })).Dispose();
        using var wave = await world.PostAsync("/api/sites/BR-MSP/waves", new { maxLines = 500 });
        var task = wave.RootElement.GetProperty("tasks")[0].GetProperty("id").GetInt64();

        var picker = await world.SignInAsync("picker", phone: true);
        var byUrl = await picker.GotoAsync($"/pick?task={task}");
        Assert.Equal(404, byUrl!.Status);
        var bySite = await picker.GotoAsync("/pick?site=BR-MSP");
        Assert.Equal(200, bySite!.Status);
        await Assertions.Expect(picker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("BR-DET");
    }
}
