using System.CommandLine;
using Orderly.Core.Security;
using Orderly.Security;

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

    public static Command Create()
    {
        var create = new Command("create", "Create an API token and print it.");
        foreach (var option in new Option[] { User, Name, PermissionList, Sites, ExpiresInDays }) create.Options.Add(option);
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var access = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            var permissions = parse.GetValue(PermissionList)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var sites = parse.GetValue(Sites) is { } text ? SiteScope.Parse(text) : null;
            var (secret, errors) = await access.CreateTokenAsync(parse.GetValue(User)!, parse.GetValue(Name)!, permissions, sites,
                parse.GetValue(ExpiresInDays), cancellationToken);
            if (secret is null)
            {
                foreach (var (field, messages) in errors.ToDictionary())
                    parse.InvocationConfiguration.Error.WriteLine($"{CliHost.OptionName(field)}: {string.Join(" ", messages)}");
                return CliHost.Invalid;
            }
            parse.InvocationConfiguration.Output.WriteLine(secret);
            return CliHost.Ok;
        });
        var token = new Command("token", "Manage API tokens.");
        token.Subcommands.Add(create);
        return token;
    }
}
