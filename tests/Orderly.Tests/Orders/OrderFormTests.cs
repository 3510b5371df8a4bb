using System.Net;
using System.Text.RegularExpressions;

namespace Orderly.Tests.Orders;

/// <summary>The customer-service order form's "more lines", over HTTP with a signed-in cookie (the browser tests drive the rest).</summary>
public partial class OrderFormTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = server.BaseAddress,
    };

    private static async Task<string> SignInAndOpenFormAsync(HttpClient browser)
    {
        var signIn = await browser.GetStringAsync("/signin", Ct);
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(
        [
            new("UserName", "customerservice"), new("Password", DemoServer.DemoPassword),
            new("__RequestVerificationToken", AntiforgeryField().Match(signIn).Groups[1].Value),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = await browser.GetStringAsync("/orders/new", Ct);
        return AntiforgeryField().Match(form).Groups[1].Value;
    }

    [Fact]
    public async Task MoreLines_AFormOf498Rows_KeepsThemAndStopsAtAnOrdersFiveHundredLines()
    {
        using var browser = Browser();
        var token = await SignInAndOpenFormAsync(browser);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Customer", ""), new("FormRef", "CS-FORMTEST") };
        for (var row = 0; row < 498; row++)
        {
            fields.Add(new($"Lines[{row}].Sku", row == 0 ? "KEEP-FIRST" : row == 497 ? "KEEP-LAST" : ""));
            fields.Add(new($"Lines[{row}].Quantity", row is 0 or 497 ? "2" : ""));
            fields.Add(new($"Lines[{row}].Uom", ""));
        }

        // About 1,500 form values: past ASP.NET Core's default limit of 1,024, which refused the form.
        var response = await browser.PostAsync("/orders/new?handler=MoreLines", new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"sku-0\" name=\"Lines[0].Sku\" value=\"KEEP-FIRST\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"sku-497\" name=\"Lines[497].Sku\" value=\"KEEP-LAST\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"sku-499\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sku-500\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("more lines", page, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreLines_ReachedByGet_SendsToTheEmptyForm()
    {
        using var browser = Browser();
        await SignInAndOpenFormAsync(browser);

        var response = await browser.GetAsync("/orders/new?handler=MoreLines", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/orders/new", response.Headers.Location?.OriginalString);
    }
}
