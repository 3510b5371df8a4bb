using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Orderly.Cli;

namespace Orderly.Tests.Cli;

/// <summary>The command line, run in-process against the test server's database.</summary>
public partial class CommandLineTests(DemoServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("^oly_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenShape();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OrderlyCommandLine.RunAsync([.. args, "--db", server.Database.ConnectionString], output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task TokenCreate_PrintsTheTokenAlone_AndItWorks()
    {
        var (exit, output, error) = await RunAsync("token", "create", "--user", "admin", "--name", $"check-{Guid.NewGuid():N}");
        Assert.True(exit == 0, error);
        var token = output.TrimEnd('\n', '\r');
        Assert.Matches(TokenShape(), token);

        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sites = await (await client.GetAsync("/api/sites", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(15, sites.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TokenCreate_UnknownUser_ExitsOneWithTheReason()
    {
        var (exit, output, error) = await RunAsync("token", "create", "--user", "nobody", "--name", "x");
        Assert.Equal(CliHost.Invalid, exit);
        Assert.Empty(output);
        Assert.Contains("no user named 'nobody'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_MissingOption_ExitsOne()
    {
        var (exit, _, error) = await RunAsync("token", "create", "--user", "admin");
        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("--name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_UnknownRoleAndSite_ExitsOneNamingBoth()
    {
        var (exit, _, error) = await RunAsync("user", "add", "--name", "x-user", "--role", "Wizard", "--sites", "BR-NOWHERE", "--password", "Long-enough-pass-1!");
        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("'Wizard' is not a role", error, StringComparison.Ordinal);
        Assert.Contains("no site 'BR-NOWHERE'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_ThenSignInWithAToken()
    {
        var name = $"cli-{Guid.NewGuid():N}"[..16];
        var (exit, _, error) = await RunAsync("user", "add", "--name", name, "--role", "Picker", "--sites", "BR-STL", "--password", "Long-enough-pass-1!");
        Assert.True(exit == 0, error);
        using var client = await server.ClientAsync(name);
        var sites = await (await client.GetAsync("/api/sites", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("BR-STL", sites.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("token", "create", "--help")]
    [InlineData("db", "migrate", "--help")]
    [InlineData("seed", "demo", "--help")]
    [InlineData("user", "add", "--help")]
    [InlineData("serve", "--help")]
    public async Task Help_IsAvailableOnEveryCommand(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await OrderlyCommandLine.RunAsync(args, output, TextWriter.Null, Ct);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_OnANonEmptyDatabase_ExitsOne()
    {
        var (exit, _, error) = await RunAsync("seed", "demo");
        Assert.Equal(CliHost.Invalid, exit);
        Assert.Contains("only an empty database", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_UpToDateDatabase_SaysSo()
    {
        var (exit, output, _) = await RunAsync("db", "migrate");
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseUnreachable_ExitsTwoWithAMessage_NotAStackTrace()
    {
        using var error = new StringWriter();
        var exit = await OrderlyCommandLine.RunAsync(
            ["token", "create", "--user", "admin", "--name", "x", "--db", "Host=127.0.0.1;Port=1;Username=x;Timeout=2"], TextWriter.Null, error, Ct);
        Assert.Equal(CliHost.Failed, exit);
        Assert.StartsWith("orderly: ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRevoke_StopsTheTokenAtOnce_AndListShowsIt()
    {
        var name = $"revoke-{Guid.NewGuid():N}";
        var (_, created, _) = await RunAsync("token", "create", "--user", "planner", "--name", name);
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites", Ct)).StatusCode);

        var (exit, _, error) = await RunAsync("token", "revoke", "--user", "planner", "--name", name);
        Assert.True(exit == 0, error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sites", Ct)).StatusCode);

        var (_, list, _) = await RunAsync("token", "list", "--user", "planner");
        Assert.Contains(list.Split('\n'), line => line.Contains(name, StringComparison.Ordinal) && line.Contains("revoked", StringComparison.Ordinal));
        Assert.DoesNotContain(created.Trim(), list, StringComparison.Ordinal);
        var (again, _, _) = await RunAsync("token", "revoke", "--user", "planner", "--name", name);
        Assert.Equal(CliHost.Invalid, again);
    }
}
