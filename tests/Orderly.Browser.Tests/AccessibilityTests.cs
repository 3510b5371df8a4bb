using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Orderly.Browser.Tests;

/// <summary>An axe scan of every main page finds no serious or critical violation.</summary>
public class AccessibilityTests(BrowserWorld world)
{
    [Fact]
    public async Task MainPages_HaveNoSeriousOrCriticalViolations()
    {
        var customer = await world.CustomerAtAsync("BR-DET");
        var sku = await world.StockedItemAsync("BR-DET", 5);
        using var order = await world.PostAsync("/api/orders",
            new { channel = "api", externalRef = "AXE-" + Guid.NewGuid().ToString("N")[..8], customer, lines = new[] { new { sku, quantity = 1 } } });
        var id = order.RootElement.GetProperty("id").GetInt64();

        var pages = new (string User, string Path, bool Phone)[]
        {
            ("supervisor", "/", false), ("supervisor", "/orders", false), ("supervisor", $"/orders/{id}", false), ("supervisor", "/orders/new", false),
            ("supervisor", "/warehouse", false), ("supervisor", "/pack?site=BR-DET", false), ("picker", "/pick", true), ("customerservice", "/", false),
            ("supervisor", $"/stock?sku={sku}", false), ("supervisor", "/policies", false), ("admin", "/admin/access", false), ("admin", "/admin/audit", false),
        };
        var failures = new List<string>();
        foreach (var (user, path, phone) in pages)
        {
            var page = await world.SignInAsync(user, phone);
            await page.GotoAsync(path);
            var result = await page.RunAxe();
            failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path} ({user}): {v.Id} {v.Impact}: {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}"));
            if (path == "/") await BrowserWorld.ScreenshotAsync(page, $"home-{user}");
            if (path is "/policies" or "/admin/access") await BrowserWorld.ScreenshotAsync(page, path.Trim('/').Replace('/', '-'));
            await page.Context.CloseAsync();
        }
        var signIn = await (await world.Browser.NewContextAsync(new() { BaseURL = world.BaseAddress.ToString() })).NewPageAsync();
        await signIn.GotoAsync("/signin");
        failures.AddRange((await signIn.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"/signin: {v.Id}: {v.Help}"));
        await BrowserWorld.ScreenshotAsync(signIn, "signin");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
