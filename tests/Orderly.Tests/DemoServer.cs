using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orderly.Core.Security;
using Orderly.Data.Storage;
using Orderly.Hosting;
using Orderly.Security;
using Orderly.Testing;
using Orderly.Application.Security;
using Orderly.Application.Access;

[assembly: AssemblyFixture(typeof(Orderly.Tests.DemoServer))]

namespace Orderly.Tests;

/// <summary>
/// One real Orderly server for the whole test assembly: Kestrel on a free loopback port, a fresh
/// SQLite file seeded with the demo distributor. Tests reach it only over HTTP (and the CLI), and
/// create whatever records they change, so they never depend on each other's data.
/// </summary>
public sealed class DemoServer : IAsyncLifetime
{
    public const string DemoPassword = "Orderly-Demo-2026!";

    /// <summary>The signing secret of the test carrier UPS (Standard Webhooks format).</summary>
    public const string CarrierSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public DatabaseSettings Database { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "api");
        var options = new ServerOptions(Database)
        {
            DemoPassword = DemoPassword,
            Console = TextWriter.Null,
            SignInAttemptsPerMinute = 1000,
        };
        (_app, BaseAddress) = await StartAsync(options);
    }

    /// <summary>Builds, prepares and starts a server on a free loopback port, as <c>orderly serve</c> does, with any further settings (<c>--Key=value</c>).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(ServerOptions options, params string[] settings)
    {
        var app = OrderlyServer.Build(["--urls", "http://127.0.0.1:0", $"--Carriers:UPS:Secret={CarrierSecret}", .. settings], options);
        await OrderlyServer.PrepareDatabaseAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address));
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client with a fresh API token of <paramref name="user"/>, optionally narrowed.</summary>
    public async Task<HttpClient> ClientAsync(string user, string? sites = null, string? permissions = null)
    {
        var token = await CreateTokenAsync(user, sites, permissions);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> CreateTokenAsync(string user, string? sites = null, string? permissions = null, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        var (secret, errors) = await access.CreateTokenAsync(Actor.System("test"), user, name ?? $"test-{Guid.NewGuid():N}",
            permissions?.Split(','), sites is null ? null : SiteScope.Parse(sites), null, CancellationToken.None);
        return secret ?? throw new InvalidOperationException(errors.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await TestDatabase.DropAsync(Database);
        }
    }
}
