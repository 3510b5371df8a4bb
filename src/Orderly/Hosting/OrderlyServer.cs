using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Orderly.Application;
using Orderly.Application.Access;
using Orderly.Application.Security;
using Orderly.Application.Startup;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Data.Security;
using Orderly.Data.Storage;
using Orderly.Inventory;
using Orderly.MasterData;
using Orderly.Events;
using Orderly.Orders;
using Orderly.Policies;
using Orderly.Warehouse;
using Orderly.Security;
using Scalar.AspNetCore;
using Orderly.Application.Allocation;
using Orderly.Audit;
using Orderly.Application.Audit;
using Orderly.Application.Demo;
using Orderly.Application.Events;
using Orderly.Application.Inventory;
using Orderly.Application.MasterData;
using Orderly.Application.Orders;
using Orderly.Application.Policies;
using Orderly.Application.Warehouse;

namespace Orderly.Hosting;

/// <summary>Builds the web host: services, the request pipeline and every endpoint.</summary>
public static class OrderlyServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string SignInRateLimit = "sign-in";

    public static WebApplication Build(string[] args, ServerOptions options)
    {
        // Readies the data model on the second core while the host is built: loading the compiled
        // model and EF's services the first time takes a fresh process about 0.3 s. Should it fail,
        // the first real use fails the same way and reports it; this one is only observed.
        _ = Task.Run(() => OrderlyDatabase.Warm(options.Database))
            .ContinueWith(static warm => _ = warm.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in the application's assembly; name it, so a host started from tests finds them too.
            ApplicationName = typeof(OrderlyServer).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = ServerLimits.MaxRequestBodyBytes;
        });

        if (options.LogToStandardError)
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddOrderlyCore(options.Database, options.Clock)
            .AddAccess()
            .AddOrders()
            .AddInventory()
            .AddWarehouse(builder.Configuration);
        if (options.Database.Provider == DatabaseProvider.Sqlite) services.AddHostedService<SqliteWriterLifetime>();
        services.AddHttpContextAccessor();
        // Who a request acts as, for the services that take an actor: the signed-in user or token.
        services.AddScoped(provider => provider.GetRequiredService<IHttpContextAccessor>().HttpContext is { } context
            ? context.Actor(options.ActorOutsideRequest)
            : Actor.System(options.ActorOutsideRequest));

        services.AddOrderlySecurity(options.SignInAttemptsPerMinute, CaptureLimits.From(builder.Configuration));
        // Keys live in the database, so every node can read the cookies any node issued; encrypted
        // there when a certificate is configured.
        services.AddDataProtection().SetApplicationName("orderly").PersistKeysToDbContext<OrderlyDbContext>()
            .ProtectKeysWithConfiguredCertificate(builder.Configuration);
        services.AddOrderlyApiConventions();
        services.AddRazorPages();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks().AddDbContextCheck<OrderlyDbContext>("database", tags: ["ready"]);
        services.AddOrderlyTelemetry(builder.Configuration);

        var app = builder.Build();
        app.UseMiddleware<CorrelationId>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorisation, so only callers allowed in take a capture's place in the queue; before
        // the connection is opened, so a queued request holds none.
        app.UseRateLimiter();
        app.UseMiddleware<ConnectionPerRequest>();
        app.UseAntiforgery();
        // After the limiter: a capture it refuses (429) must not be kept as the answer to its Idempotency-Key.
        app.UseMiddleware<IdempotencyKeys>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Orderly API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapRazorPages();
        app.MapSiteEndpoints();
        app.MapLocationEndpoints();
        app.MapItemEndpoints();
        app.MapCustomerEndpoints();
        app.MapInventoryEndpoints();
        app.MapAuditEndpoints();
        app.MapPolicyEndpoints();
        app.MapOrderEndpoints();
        app.MapEventEndpoints();
        app.MapWaveEndpoints();
        app.MapPickEndpoints();
        app.MapShippingEndpoints();
        app.MapCarrierEventEndpoints();
        return app;
    }

    /// <summary>
    /// Checks the settings, migrates the schema, and seeds the demo distributor into an empty
    /// embedded database when the options ask for it.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = app.Services.GetRequiredService<ServerOptions>();
        var seed = options.SeedDemoWhenEmpty ? new DemoSeed(options.DemoPassword, options.Console) : null;
        if (await DatabasePreparation.PrepareAsync(app.Services, seed, cancellationToken,
                (db, token) => KeyProtection.EnsureKeysCanBeOpenedAsync(db, app.Configuration, token)))
        {
            // The seed's entities and buffers (its sites, items and customers went through the change
            // tracker) are garbage now that its scope is gone: hand that memory back before serving.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private static void AddOrderlySecurity(this IServiceCollection services, int signInAttemptsPerMinute, CaptureLimits captureLimits)
    {
        services.AddIdentity<OrderlyUser, IdentityRole>(OrderlyIdentity.Configure)
            .AddEntityFrameworkStores<OrderlyDbContext>()
            .AddClaimsPrincipalFactory<OrderlyClaimsFactory>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddPolicyScheme(CallerScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        // Identity makes its cookie the default; the policy scheme lets every endpoint accept either.
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = CallerScheme;
            o.DefaultChallengeScheme = CallerScheme;
            o.DefaultForbidScheme = CallerScheme;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "orderly";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // An API caller gets a status code, never a redirect to a sign-in page.
            o.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var permission in Permissions.All)
            authorization.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireClaim(OrderlyClaims.Permission, permission));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // Sign-in's window says when it reopens; a capture's place frees up within a second or so.
                context.HttpContext.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                    : "1";
                return ValueTask.CompletedTask;
            };
            captureLimits.AddTo(o);
            // Only attempts count: showing the form is free, posting it is limited per client address.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("view"));
        });
    }

    private const string CallerScheme = "Orderly";

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddOrderlyApiConventions(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // Let the exception handler see why a body could not be read, so it can say where.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = CorrelationId.Of(context.HttpContext);
            // Problems raised by the framework (status code pages) get our stable type URIs too.
            if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                context.ProblemDetails.Type = Api.Problems.TypePrefix + context.ProblemDetails.Status switch
                {
                    400 => "bad-request",
                    401 => "unauthorized",
                    403 => "forbidden",
                    404 => "not-found",
                    405 => "method-not-allowed",
                    413 => "body-too-large",
                    415 => "unsupported-media-type",
                    429 => "too-many-requests",
                    _ => "unexpected",
                };
            }
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                401 => "Sign in, or send an API token as 'Authorization: Bearer <token>'.",
                403 => "You are signed in but may not do this here.",
                404 => "There is nothing at this address.",
                405 => "This address does not accept that method.",
                413 => $"The request body is larger than the limit of {ServerLimits.MaxRequestBodyBytes / 1024 / 1024} MiB.",
                415 => "Send the body as application/json.",
                429 => "Too many attempts; wait a minute and try again.",
                _ => null,
            };
        });
    }
}
