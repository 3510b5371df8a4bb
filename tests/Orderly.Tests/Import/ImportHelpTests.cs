using Orderly.Cli;

namespace Orderly.Tests.Import;

/// <summary>The import commands explain themselves like every other command.</summary>
public class ImportHelpTests
{
    [Theory]
    [InlineData("import", "--help")]
    [InlineData("import", "items", "--help")]
    [InlineData("import", "customers", "--help")]
    [InlineData("import", "stock", "--help")]
    public async Task Help_IsAvailableOnEveryImportCommand(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await OrderlyCommandLine.RunAsync(args, output, TextWriter.Null, TestContext.Current.CancellationToken);
        Assert.Equal(CliHost.Ok, exit);
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
    }
}
