using System.CommandLine;
using Orderly.Core.Security;
using Orderly.Security;
using Orderly.Application.Security;

namespace Orderly.Cli;

/// <summary><c>orderly user add</c>: adds a person who signs in, with one role and a site scope.</summary>
public static class UserCommands
{
    private static readonly Option<string> Name = new("--name") { Description = "The sign-in name.", Required = true };
    private static readonly Option<string> Role = new("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
    private static readonly Option<string> Sites = new("--sites") { Description = "'*' for all sites, or site codes separated by commas (e.g. BR-DET,BR-STL).", Required = true };
    private static readonly Option<string?> Password = new("--password") { Description = "The password (at least 12 characters with upper, lower, digit and symbol). Prefer --password-stdin: arguments are visible to other local users." };
    private static readonly Option<bool> PasswordStdin = new("--password-stdin") { Description = "Read the password from the first line of standard input." };
    private static readonly Option<string?> DisplayName = new("--display-name") { Description = "The name shown in pages (default: the sign-in name)." };

    public static Command Create()
    {
        var add = new Command("add", "Add a user.");
        foreach (var option in new Option[] { Name, Role, Sites, Password, PasswordStdin, DisplayName }) add.Options.Add(option);
        add.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var password = parse.GetValue(PasswordStdin) ? Console.In.ReadLine() : parse.GetValue(Password);
            if (string.IsNullOrEmpty(password))
            {
                error.WriteLine("A password is required: pass --password-stdin (recommended) or --password.");
                return CliHost.Invalid;
            }
            using var app = await CliHost.StartAsync(parse, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var access = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            var name = parse.GetValue(Name)!;
            var errors = await access.AddUserAsync(CliHost.Actor, name, password, parse.GetValue(Role)!, SiteScope.Parse(parse.GetValue(Sites)!),
                parse.GetValue(DisplayName), cancellationToken);
            if (!errors.IsEmpty) return CliHost.Refused(parse, errors);
            parse.InvocationConfiguration.Output.WriteLine($"Added user {name}.");
            return CliHost.Ok;
        });
        var user = new Command("user", "Manage the people who sign in.");
        user.Subcommands.Add(add);
        return user;
    }
}
