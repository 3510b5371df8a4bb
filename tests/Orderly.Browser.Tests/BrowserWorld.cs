using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orderly.Core.Security;
using Orderly.Hosting;
using Orderly.Security;
using Orderly.Testing;
using Orderly.Application.Security;
using Orderly.Application.Access;

[assembly: AssemblyFixture(typeof(Orderly.Browser.Tests.BrowserWorld))]

namespace Orderly.Browser.Tests;

/// <summary>
/// A real Orderly server with the demo distributor and a real Chromium (Debian's, at
/// /usr/bin/chromium; Playwright never downloads a browser). Each test opens its own context,
/// signs in as the demo user it needs, and makes its own data through the API.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    public const string Password = "Orderly-Demo-2026!";
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private Orderly.Data.Storage.DatabaseSettings? _database;

    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "browser");
        _app = OrderlyServer.Build(["--urls", "http://127.0.0.1:0"], new ServerOptions(_database) { DemoPassword = Password, Console = TextWriter.Null, SignInAttemptsPerMinute = 1000 });
        await OrderlyServer.PrepareDatabaseAsync(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var (token, _) = await scope.ServiceProvider.GetRequiredService<AccessAdministration>()
                .CreateTokenAsync(Actor.System("test"), "admin", "browser-tests", null, SiteScope.All, null, CancellationToken.None);
            Admin = new HttpClient { BaseAddress = BaseAddress };
            Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ORDERLY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // As the machine's probe found: without these, Chromium calls home at every start and the closed network refuses it.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context signed in as a demo user; <paramref name="phone"/> gives a 390-px-wide phone viewport.</summary>
    public async Task<IPage> SignInAsync(string user, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The address only, no load state: after the form's POST and redirect, Playwright at times never
        // reports the home page's load event (it reports network idle, then times out), and WaitForURL
        // waits for one when the page is already there. Every caller goes on with locators that wait for
        // what they need, or navigates elsewhere.
        await Assertions.Expect(page).ToHaveURLAsync(BaseAddress + "", new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>A new item with stock at one site, made through the API.</summary>
    public async Task<string> StockedItemAsync(string site, int units, string description = "Browser test bearing")
    {
        var sku = "BRW-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        (await PostAsync("/api/items", new { sku, description })).Dispose();
        (await PostAsync("/api/inventory/receipts", new { site, location = "A-01-1", sku, quantity = units })).Dispose();
        return sku;
    }

    public async Task<string> CustomerAtAsync(string site)
    {
        using var doc = JsonDocument.Parse(await Admin.GetStringAsync($"/api/customers?homeSite={site}&pageSize=200", TestContext.Current.CancellationToken));
        return doc.RootElement.GetProperty("items").EnumerateArray()
            .First(c => !c.GetProperty("blocked").GetBoolean() && !c.GetProperty("creditHold").GetBoolean())
            .GetProperty("accountNumber").GetString()!;
    }

    /// <summary>POSTs JSON as the admin token and returns the answer, which must be a success.</summary>
    public async Task<JsonDocument> PostAsync(string url, object body)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await Admin.PostAsJsonAsync(url, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await TestDatabase.DropAsync(_database!);
        }
    }
}
