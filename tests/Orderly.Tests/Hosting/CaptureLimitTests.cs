using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Hosting;
using Orderly.Security;
using Orderly.Testing;
using Orderly.Tests.Orders;
using Orderly.Application.Security;
using Orderly.Application.Access;

namespace Orderly.Tests.Hosting;

/// <summary>
/// The capture limit: past <c>Orderly:Capture:MaxConcurrent</c> captures in flight and a full
/// queue, a capture is refused with 429, Retry-After and a problem, and the next one after the
/// place frees up is taken. A server of its own (one capture at a time, no queue), so the limit
/// cannot disturb other tests.
/// </summary>
public class CaptureLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACapturePastTheLimitAndQueue_Is429WithRetryAfter_AndTheNextOneAfterIsTaken()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, "capturelimit");
        var (app, address) = await DemoServer.StartAsync(
            new ServerOptions(database) { DemoPassword = DemoServer.DemoPassword, Console = TextWriter.Null },
            $"--{CaptureLimits.MaxConcurrentSetting}=1", $"--{CaptureLimits.QueueLimitSetting}=0");
        try
        {
            var token = await TokenAsync(app);
            using var admin = Client(address, token);
            var sku = await OrderWorld.ItemAsync(admin, units: 10, site: "BR-STL");
            var customer = await OrderWorld.CustomerAtAsync(admin, "BR-STL");

            // The held capture asks to continue before sending its body: the server answers only
            // once the endpoint reads the body, that is once the capture holds the one place.
            var held = new HeldBody(JsonContent.Create(OrderWorld.Order(customer, (sku, 1))));
            using var patient = Client(address, token, new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(5) });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = held };
            request.Headers.ExpectContinue = true;
            var first = patient.SendAsync(request, Ct);
            // Answered without its body read (refused), it would never ask for it: stop waiting then, and say so.
            await Task.WhenAny(held.Requested, first);
            Assert.True(held.Requested.IsCompleted, "The held capture was answered before the server read its body.");

            using var refused = await admin.PostAsync("/api/orders", OrderWorld.Order(customer, (sku, 1)));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

            held.Release();
            await (await first).JsonAsync(HttpStatusCode.Created);
            await OrderWorld.CaptureAsync(admin, OrderWorld.Order(customer, (sku, 1)));
            Assert.Equal(8, (await OrderWorld.BalanceAsync(admin, sku, "BR-STL")).GetProperty("available").GetDecimal());
        }
        finally
        {
            await app.StopAsync(Ct);
            await app.DisposeAsync();
            await TestDatabase.DropAsync(database);
        }
    }

    [Theory]
    [InlineData(CaptureLimits.MaxConcurrentSetting, "0")]
    [InlineData(CaptureLimits.MaxConcurrentSetting, "four")]
    [InlineData(CaptureLimits.QueueLimitSetting, "-1")]
    [InlineData(CaptureLimits.QueueLimitSetting, "100001")]
    public void ASettingOutOfRange_StopsTheServer_NamingIt(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build();

        var error = Assert.Throws<ArgumentException>(() => CaptureLimits.From(configuration));

        Assert.Contains($"{setting} '{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutSettings_TwoPerCoreAtLeastFour_AndAQueueOf500()
    {
        var limits = CaptureLimits.From(new ConfigurationBuilder().Build());

        Assert.Equal(Math.Max(4, 2 * Environment.ProcessorCount), limits.MaxConcurrent);
        Assert.Equal(500, limits.QueueLimit);
    }

    private static async Task<string> TokenAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (secret, errors) = await scope.ServiceProvider.GetRequiredService<AccessAdministration>()
            .CreateTokenAsync(Actor.System("test"), "admin", "capture-limit", null, null, null, Ct);
        return secret ?? throw new InvalidOperationException(errors.ToString());
    }

    private static HttpClient Client(Uri address, string token, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = address;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A body that says when the server asked for it, and is sent only when released.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        public Task Requested => _requested.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _requested.TrySetResult();
            await _released.Task;
            await _inner.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
