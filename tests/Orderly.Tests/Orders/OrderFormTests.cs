using System.Net;

namespace Orderly.Tests.Orders;

/// <summary>The customer-service order form's "more lines", over HTTP with a signed-in cookie (the browser tests drive the rest).</summary>
public class OrderFormTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => PageForms.Browser(server.BaseAddress);

    private static async Task<string> SignInAndOpenFormAsync(HttpClient browser)
    {
        await PageForms.SignInAsync(browser, "customerservice", DemoServer.DemoPassword, Ct);
        return PageForms.AntiforgeryToken(await browser.GetStringAsync("/orders/new", Ct));
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
