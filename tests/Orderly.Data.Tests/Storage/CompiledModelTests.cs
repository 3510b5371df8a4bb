using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests.Storage;

/// <summary>
/// Orderly runs on the compiled models in <c>src/Orderly.Data/CompiledModels</c> rather than
/// building the model from its configuration in every process. A compiled model that has fallen
/// behind the configuration would map columns wrongly without any error, so this regenerates each
/// one into a temporary folder, as <c>scripts/compile-model.sh</c> does, and requires the committed
/// files to be the same, file for file. No database is needed: the model is built, not connected.
/// </summary>
public partial class CompiledModelTests
{
    public static TheoryData<string> Providers => [TestDatabase.Sqlite, TestDatabase.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_IsWhatTheConfigurationGeneratesNow(string provider)
    {
        var (settings, folder) = provider == TestDatabase.Sqlite
            ? (DatabaseSettings.Parse("Data Source=compiled-model-check.db"), "Sqlite")
            : (DatabaseSettings.Parse("Host=localhost;Database=compiled_model_check"), "Postgres");
        using var db = OrderlyDatabase.CreateContext(settings);
        var committed = Path.Combine(RepositoryRoot(), "src", "Orderly.Data", "CompiledModels", folder);
        var generated = Directory.CreateTempSubdirectory("orderly-compiled-model-").FullName;
        try
        {
            var files = Scaffolder(db).ScaffoldModel(db.GetService<IDesignTimeModel>().Model, generated, new CompiledModelCodeGenerationOptions
            {
                ContextType = db.GetType(),
                ModelNamespace = $"Orderly.Data.CompiledModels.{folder}",
                Language = "C#",
                UseNullableReferenceTypes = true,
            });

            var expected = files.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var present = Directory.EnumerateFiles(committed, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(present),
                $"The {folder} compiled model's files differ from what the configuration generates: run scripts/compile-model.sh. " +
                $"Missing: {string.Join(", ", expected.Except(present))}; not generated any more: {string.Join(", ", present.Except(expected))}.");
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                Assert.True(Normalized(File.ReadAllText(file)) == Normalized(File.ReadAllText(Path.Combine(committed, name))),
                    $"{folder}/{name} differs from what the configuration generates now: run scripts/compile-model.sh.");
            }
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    /// <summary>
    /// EF's compiled-model generator with the design-time services the <c>dotnet ef</c> tool would
    /// give it: EF's own, the context's, and those the provider names in its assembly attribute.
    /// </summary>
    private static ICompiledModelScaffolder Scaffolder(DbContext db)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        var providerAssembly = Assembly.Load(new AssemblyName(db.Database.ProviderName!));
        var attribute = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
            ?? throw new InvalidOperationException($"{db.Database.ProviderName} names no design-time services.");
        var type = providerAssembly.GetType(attribute.TypeName, throwOnError: true)!;
        ((IDesignTimeServices)Activator.CreateInstance(type)!).ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider().GetRequiredService<ICompiledModelScaffolder>();
    }

    /// <summary>
    /// Line endings and a leading byte-order mark are a checkout's, not the model's; the model id is
    /// a new GUID at every generation (EF uses it only to tell models apart in one process).
    /// </summary>
    private static string Normalized(string text) =>
        ModelId().Replace(text.TrimStart('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid(\"(generated)\")");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Orderly.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"No Orderly.slnx above {AppContext.BaseDirectory}.");
    }
}
