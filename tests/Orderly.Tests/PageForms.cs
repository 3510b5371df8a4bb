using System.Net;
using System.Text.RegularExpressions;

namespace Orderly.Tests;

/// <summary>Pages driven over HTTP as a browser would: a cookie jar, the forms' antiforgery token, the sign-in form.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A client that keeps cookies and does not follow redirects, so a test sees each one.</summary>
    public static HttpClient Browser(Uri address) => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = address,
    };

    /// <summary>The antiforgery token of the (first) form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    /// <summary>Signs <paramref name="user"/> in through the sign-in form; the cookie lands in the client's jar.</summary>
    public static async Task SignInAsync(HttpClient browser, string user, string password, CancellationToken cancellationToken)
    {
        var form = await browser.GetStringAsync("/signin", cancellationToken);
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(
        [
            new("UserName", user), new("Password", password), new("__RequestVerificationToken", AntiforgeryToken(form)),
        ]), cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
