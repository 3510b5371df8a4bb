using Microsoft.Extensions.Options;

namespace Orderly.Application.Warehouse;

/// <summary>
/// <c>Orderly:Gs1CompanyPrefix</c>: the distributor's GS1 company prefix, which begins every SSCC it
/// packs. Checked when the server or a command starts, so a wrong one never reaches a label.
/// </summary>
public sealed class Gs1Options
{
    public const string Section = "Orderly";

    /// <summary>GS1's own example prefix, for the demo and for a distributor that has not set one.</summary>
    public const string ExamplePrefix = "0614141";

    public string Gs1CompanyPrefix { get; set; } = ExamplePrefix;

    /// <summary>Refuses a prefix that is not 7 to 10 digits, in the message the operator reads at start.</summary>
    public sealed class Validator : IValidateOptions<Gs1Options>
    {
        public ValidateOptionsResult Validate(string? name, Gs1Options options) =>
            options.Gs1CompanyPrefix is { Length: >= 7 and <= 10 } prefix && prefix.All(char.IsAsciiDigit)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Orderly:Gs1CompanyPrefix '{options.Gs1CompanyPrefix}' is not a GS1 company prefix (7 to 10 digits).");
    }
}
