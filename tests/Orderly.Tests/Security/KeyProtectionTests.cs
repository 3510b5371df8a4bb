using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Orderly.Data.Storage;
using Orderly.Hosting;
using Orderly.Testing;

namespace Orderly.Tests.Security;

/// <summary>
/// With a certificate configured, the keys behind sign-in cookies are stored encrypted: a node with the
/// certificate (or a newer one that lists it as previous) accepts the cookies another issued, a node
/// with another certificate does not, a node with none refuses to start, and a certificate that
/// cannot be used stops the start with a clear message.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "Key-Protection-Test-1!";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("orderly-keys-").FullName;

    [Fact]
    public async Task Certificate_KeysAreStoredEncrypted_AndOnlyANodeWithTheCertificateAcceptsTheCookie()
    {
        var certificate = WriteCertificate("current.pfx");
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "keys");
        try
        {
            string cookie;
            await using (var first = await StartAsync(database, Protection(certificate)))
            {
                cookie = await SignInAsync(first.Address);
                Assert.Equal(HttpStatusCode.OK, await HomeAsync(first.Address, cookie));
            }

            var keys = await StoredKeysAsync(database);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });

            await using (var second = await StartAsync(database, Protection(certificate)))
                Assert.Equal(HttpStatusCode.OK, await HomeAsync(second.Address, cookie));

            // A server without the certificate could not open the keys and would make an unencrypted
            // one that every server then signs with: it refuses to start, and adds no key.
            await using (var unprotected = OrderlyServer.Build(["--urls", "http://127.0.0.1:0"], Options(database)))
            {
                var error = await Assert.ThrowsAsync<ArgumentException>(() => OrderlyServer.PrepareDatabaseAsync(unprotected, Ct));
                Assert.Contains("encrypted to a certificate, and this server was given none", error.Message, StringComparison.Ordinal);
            }
            Assert.Equal(keys, await StoredKeysAsync(database));
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task NewCertificate_ListingTheOldOneAsPrevious_KeepsEveryoneSignedIn()
    {
        var old = WriteCertificate("old.pfx");
        var replacement = WriteCertificate("new.pfx");
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "keyrotation");
        try
        {
            string cookie;
            await using (var before = await StartAsync(database, Protection(old)))
                cookie = await SignInAsync(before.Address);

            await using (var after = await StartAsync(database,
                [.. Protection(replacement), $"--{KeyProtection.Section}:Previous:0:Certificate={old}", $"--{KeyProtection.Section}:Previous:0:CertificatePassword={Password}"]))
                Assert.Equal(HttpStatusCode.OK, await HomeAsync(after.Address, cookie));

            await using (var withoutTheOld = await StartAsync(database, [.. Protection(replacement), WithoutKeyErrorsLogged]))
                Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(withoutTheOld.Address, cookie));
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    public static TheoryData<string, string> Problems => new()
    {
        { "missing", "Orderly:KeyProtection:Certificate '{folder}/nowhere.pfx' does not exist." },
        { "wrong-password", "Orderly:KeyProtection:Certificate '{folder}/current.pfx' cannot be opened as a PKCS #12 (.pfx) file with Orderly:KeyProtection:CertificatePassword" },
        { "no-private-key", "Orderly:KeyProtection:Certificate '{folder}/public.pfx' holds no RSA private key" },
        { "previous-alone", "Orderly:KeyProtection:Previous is set without Orderly:KeyProtection:Certificate" },
        { "previous-without-file", "Orderly:KeyProtection:Previous:0:Certificate is not set" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Start_CertificateThatCannotBeUsed_StopsWithAMessageNamingTheSetting(string problem, string message)
    {
        var certificate = WriteCertificate("current.pfx");
        var section = KeyProtection.Section;
        string[] settings = problem switch
        {
            "missing" => Protection(Path.Combine(_folder, "nowhere.pfx")),
            "wrong-password" => [$"--{section}:Certificate={certificate}", $"--{section}:CertificatePassword=not-the-password"],
            "no-private-key" => Protection(WriteCertificate("public.pfx", withPrivateKey: false)),
            "previous-alone" => [$"--{section}:Previous:0:Certificate={certificate}", $"--{section}:Previous:0:CertificatePassword={Password}"],
            "previous-without-file" => [.. Protection(certificate), $"--{section}:Previous:0:CertificatePassword={Password}"],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "badkeys");
        try
        {
            var error = Assert.Throws<ArgumentException>(() => OrderlyServer.Build(["--urls", "http://127.0.0.1:0", .. settings], Options(database)));
            Assert.Contains(message.Replace("{folder}", _folder, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    /// <summary>A node that cannot open the stored keys logs each failed attempt with its stack; expected here, so kept out of the test output.</summary>
    private const string WithoutKeyErrorsLogged = "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=None";

    private static string[] Protection(string certificate) =>
        [$"--{KeyProtection.Section}:Certificate={certificate}", $"--{KeyProtection.Section}:CertificatePassword={Password}"];

    private static ServerOptions Options(DatabaseSettings database) =>
        new(database) { DemoPassword = DemoServer.DemoPassword, Console = TextWriter.Null, SignInAttemptsPerMinute = 1000 };

    /// <summary>A self-signed RSA certificate in a password-protected .pfx, as an operator would make with openssl.</summary>
    private string WriteCertificate(string name, bool withPrivateKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Orderly key protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private static async Task<RunningServer> StartAsync(DatabaseSettings database, params string[] settings)
    {
        var (app, address) = await DemoServer.StartAsync(Options(database), settings);
        return new RunningServer(app, address);
    }

    /// <summary>Signs the demo supervisor in through the form and returns the sign-in cookie as a Cookie header.</summary>
    private static async Task<string> SignInAsync(Uri address)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        await PageForms.SignInAsync(browser, "supervisor", DemoServer.DemoPassword, Ct);
        return cookies.GetCookieHeader(address);
    }

    /// <summary>The home page with the cookie: 200 when the server accepts it, a redirect to sign in when not.</summary>
    private static async Task<HttpStatusCode> HomeAsync(Uri address, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<List<string>> StoredKeysAsync(DatabaseSettings database)
    {
        await using var db = OrderlyDatabase.CreateContext(database);
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record RunningServer(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
