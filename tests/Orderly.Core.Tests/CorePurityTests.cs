namespace Orderly.Core.Tests;

/// <summary>The domain core stays free of I/O and frameworks: it may reference the BCL only.</summary>
public class CorePurityTests
{
    [Fact]
    public void Core_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Orderly.Core.Inventory.StockLedger).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard" && name != "mscorlib")
            .ToList();
        Assert.Empty(references);
    }

    [Fact]
    public void Core_ReferencesNoDatabaseNetworkOrConsoleAssemblies()
    {
        var forbidden = new[] { "System.Data", "System.Net", "System.Console", "System.IO.FileSystem" };
        var used = typeof(Orderly.Core.Inventory.StockLedger).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(used, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}
