using System.Reflection;
using System.Text.RegularExpressions;

namespace Orderly.Tests;

/// <summary>
/// The layers stay what they are: the application layer knows nothing of ASP.NET Core, and every
/// SQL statement lives in the data project. (That the domain references nothing but the BCL is
/// held by <c>CorePurityTests</c> in the domain's own tests.)
/// </summary>
public partial class ArchitectureTests
{
    private static readonly Assembly Application = typeof(Orderly.Application.Access.Actor).Assembly;

    [Fact]
    public void Application_ReferencesNoAspNetCoreAssembly()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Empty(references);
    }

    [Fact]
    public void Application_ProjectTakesNoWebSdkOrAspNetCoreFramework()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Orderly.Application", "Orderly.Application.csproj"));
        Assert.DoesNotContain("Microsoft.NET.Sdk.Web", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.App", project, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Orderly")]
    [InlineData("Orderly.Application")]
    public void Project_HoldsNoSql(string project)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", project);
        var offenders = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => Sql().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(folder, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, $"SQL belongs in src/Orderly.Data; found in {project}:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void SqlDetector_FindsStatementsAndRawSqlCalls()
    {
        // The detector itself must be able to fail: each of these is SQL the host or the application must not hold.
        Assert.Matches(Sql(), """await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);""");
        Assert.Matches(Sql(), """var text = "SELECT code, id FROM sites";""");
        Assert.Matches(Sql(), """const string Add = "INSERT INTO stock_balances (site_id) VALUES (1)";""");
        Assert.Matches(Sql(), """db.Orders.FromSqlRaw("...")""");
        Assert.DoesNotMatch(Sql(), """// Select the orders the caller may see, then update the page.""");
    }

    /// <summary>A statement keyword in a string, or a raw-SQL call of EF Core or ADO.NET.</summary>
    [GeneratedRegex("""ExecuteSql|FromSql|SqlQuery|CommandText|"[^"]*\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|ANALYZE|COPY\s+\w+)""")]
    private static partial Regex Sql();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Orderly.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }
}
