using System.CommandLine;
using Orderly.Core.Security;
using Orderly.Security;
using Orderly.Application.Security;

namespace Orderly.Cli;

/// <summary>
/// <c>orderly token create</c>: issues an API token for a user and prints the secret alone on
/// standard output (so <c>TOKEN=$(orderly token create ...)</c> works). It is shown this once.
/// </summary>
public static class TokenCommands
{
    private static readonly Option<string> User = new("--user") { Description = "The user the token acts as.", Required = true };
    private static readonly Option<string> Name = new("--name") { Description = "A name for the token, unique for the user (e.g. the system that uses it).", Required = true };
    private static readonly Option<string?> PermissionList = new("--permissions") { Description = $"Comma-separated permissions (default: all of the user's). Known: {string.Join(", ", Permissions.All)}." };
    private static readonly Option<string?> Sites = new("--sites") { Description = "'*' or comma-separated site codes (default: the user's sites); never wider than the user's." };
    private static readonly Option<int?> ExpiresInDays = new("--expires-in-days") { Description = "Days until the token stops working (default: never)." };

    private static readonly Option<string?> ListUser = new("--user") { Description = "Only this user's tokens (default: everyone's)." };

    private static Command CreateList()
    {
        var list = new Command("list", "List API tokens (never their secrets, which are not stored).");
        list.Options.Add(ListUser);
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var tokens = await scope.ServiceProvider.GetRequiredService<AccessAdministration>().ListTokensAsync(parse.GetValue(ListUser), cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            output.WriteLine($"{"USER",-16} {"NAME",-24} {"PREFIX",-11} {"SITES",-12} {"CREATED",-20} STATE");
            foreach (var t in tokens)
            {
                var state = t switch
                {
                    { RevokedAt: { } revoked } => $"revoked {revoked:u}",
                    { ExpiresAt: { } expired } when expired <= now => $"expired {expired:u}",
                    { ExpiresAt: { } expires } => $"expires {expires:u}",
                    _ => "active",
                };
                output.WriteLine($"{t.User,-16} {t.Name,-24} {t.Prefix,-11} {t.Sites,-12} {t.CreatedAt:u} {state}");
            }
            return CliHost.Ok;
        });
        return list;
    }

    private static Command CreateRevoke()
    {
        var revoke = new Command("revoke", "Revoke an API token: it stops working at once.");
        revoke.Options.Add(User);
        revoke.Options.Add(Name);
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var errors = await scope.ServiceProvider.GetRequiredService<AccessAdministration>()
                .RevokeTokenAsync(CliHost.Actor, parse.GetValue(User)!, parse.GetValue(Name)!, cancellationToken);
            if (!errors.IsEmpty) return CliHost.Refused(parse, errors);
            parse.InvocationConfiguration.Output.WriteLine($"Revoked token '{parse.GetValue(Name)}' of {parse.GetValue(User)}.");
            return CliHost.Ok;
        });
        return revoke;
    }

    public static Command Create()
    {
        var create = new Command("create", "Create an API token and print it.");
        foreach (var option in new Option[] { User, Name, PermissionList, Sites, ExpiresInDays }) create.Options.Add(option);
        create.SetAction(async (parse, cancellationToken) =>
        {
            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var access = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            var permissions = parse.GetValue(PermissionList)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var sites = parse.GetValue(Sites) is { } text ? SiteScope.Parse(text) : null;
            var (secret, errors) = await access.CreateTokenAsync(CliHost.Actor, parse.GetValue(User)!, parse.GetValue(Name)!, permissions, sites,
                parse.GetValue(ExpiresInDays), cancellationToken);
            if (secret is null) return CliHost.Refused(parse, errors);
            parse.InvocationConfiguration.Output.WriteLine(secret);
            return CliHost.Ok;
        });
        var token = new Command("token", "Manage API tokens.");
        token.Subcommands.Add(create);
        token.Subcommands.Add(CreateList());
        token.Subcommands.Add(CreateRevoke());
        return token;
    }
}
