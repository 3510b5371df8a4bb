using Orderly.Data.Storage;

namespace Orderly.Data.Tests.Storage;

public class DatabaseSettingsTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite, "Data Source=orderly.db")]
    [InlineData("data/o.db", DatabaseProvider.Sqlite, "Data Source=data/o.db")]
    [InlineData("Data Source=/tmp/x.db", DatabaseProvider.Sqlite, "Data Source=/tmp/x.db")]
    [InlineData("Host=db;Username=u", DatabaseProvider.Postgres, "Host=db;Username=u")]
    public void Parse_ChoosesTheProvider(string? value, DatabaseProvider provider, string connectionString)
    {
        var settings = DatabaseSettings.Parse(value);
        Assert.Equal(provider, settings.Provider);
        Assert.Equal(connectionString, settings.ConnectionString);
    }

    [Theory]
    [InlineData("Host=db;Username=u;Password=secret")]
    [InlineData("Host=db;Username=u;Pwd=secret")]
    [InlineData("Host=db;Username=u;PSW=secret")]
    public void Describe_MasksEveryPasswordAlias(string connectionString)
    {
        var described = DatabaseSettings.Parse(connectionString).Describe();
        Assert.DoesNotContain("secret", described, StringComparison.Ordinal);
        Assert.Contains("Host=db", described, StringComparison.Ordinal);
    }
}
