using Microsoft.Playwright;

namespace Orderly.Browser.Tests;

public class StockAndAdminTests(BrowserWorld world)
{
    [Fact]
    public async Task Supervisor_AdjustsStock_NeedsAReason_AndSeesTheLedger()
    {
        var sku = await world.StockedItemAsync("BR-DET", 8);
        var page = await world.SignInAsync("supervisor");
        await page.GotoAsync($"/stock?sku={sku}");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Stock by site and status" })).ToContainTextAsync("BR-DET");

        await page.GetByLabel("Location").Nth(1).FillAsync("A-01-1");
        await page.GetByLabel("Change (negative removes)").FillAsync("-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust" }).ClickAsync();
        await Assertions.Expect(page.GetByText("An adjustment needs a reason code")).ToBeVisibleAsync();

        await page.GetByLabel("Location").Nth(1).FillAsync("A-01-1");
        await page.GetByLabel("Change (negative removes)").FillAsync("-2");
        await page.GetByLabel("Reason").SelectOptionAsync("cycle-count");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Adjusted 2 EA");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ledger movements" })).ToContainTextAsync("cycle-count");
        await BrowserWorld.ScreenshotAsync(page, "stock");
    }

    [Fact]
    public async Task Admin_CreatesATokenShownOnce_ThenRevokesIt()
    {
        var page = await world.SignInAsync("admin");
        await page.GotoAsync("/admin/access");
        var name = "erp-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("For user").FillAsync("planner");
        await page.GetByLabel("Name (the system that will use it)").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.GetByTestId("secret").InnerTextAsync();
        Assert.StartsWith("oly_", secret, StringComparison.Ordinal);

        await page.ReloadAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke token {name} of planner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Revoked token '{name}'");
    }

    [Fact]
    public async Task Picker_CannotOpenAdministration()
    {
        var page = await world.SignInAsync("picker");
        var response = await page.GotoAsync("/admin/access");
        Assert.Equal("/denied", new Uri(page.Url).AbsolutePath);
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }
}
