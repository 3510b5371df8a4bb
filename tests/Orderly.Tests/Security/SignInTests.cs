using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Core.Security;
using Orderly.Security;
using Orderly.Application.Security;
using Orderly.Application.Access;

namespace Orderly.Tests.Security;

/// <summary>People sign in with a form: antiforgery-protected, locked out after repeated failures.</summary>
public partial class SignInTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = server.BaseAddress,
    };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password, bool withAntiforgery = true)
    {
        var form = await browser.GetStringAsync("/signin", Ct);
        var fields = new List<KeyValuePair<string, string>> { new("UserName", user), new("Password", password) };
        if (withAntiforgery) fields.Add(new("__RequestVerificationToken", AntiforgeryField().Match(form).Groups[1].Value));
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task SignIn_DemoSupervisor_CookieReachesTheApiWithinItsSites()
    {
        using var browser = Browser();
        var response = await SignInAsync(browser, "supervisor", DemoServer.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);

        var home = await browser.GetStringAsync("/", Ct);
        Assert.Contains("Supervisor", home, StringComparison.Ordinal);
        var sites = await (await browser.GetAsync("/api/sites", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, sites.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Is400()
    {
        using var browser = Browser();
        var response = await SignInAsync(browser, "supervisor", DemoServer.DemoPassword, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoWithoutSayingWhich()
    {
        using var browser = Browser();
        var response = await SignInAsync(browser, "supervisor", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("user name or password is not right", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccount_EvenForTheRightPassword()
    {
        var name = $"lockme-{Guid.NewGuid():N}"[..20];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<AccessAdministration>()
                .AddUserAsync(Actor.System("test"), name, DemoServer.DemoPassword, Roles.Planner, SiteScope.All, null, Ct);
            Assert.True(errors.IsEmpty, errors.ToString());
        }
        using var browser = Browser();
        for (var attempt = 0; attempt < 5; attempt++)
            await SignInAsync(browser, name, "wrong-password-1A!");
        var response = await SignInAsync(browser, name, DemoServer.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToSignIn()
    {
        using var browser = Browser();
        var response = await browser.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromTheHomePageForm_EndsTheSession()
    {
        using var browser = Browser();
        await SignInAsync(browser, "customerservice", DemoServer.DemoPassword);
        var home = await browser.GetStringAsync("/", Ct);
        var token = AntiforgeryField().Match(home).Groups[1].Value;
        Assert.NotEmpty(token);
        var response = await browser.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", Ct)).StatusCode);
    }
}
