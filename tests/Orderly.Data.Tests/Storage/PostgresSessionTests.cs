using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orderly.Data.Storage;
using Orderly.Testing;

namespace Orderly.Data.Tests.Storage;

/// <summary>Orderly's PostgreSQL sessions run without the query JIT unless the connection string says otherwise.</summary>
public class PostgresSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASessionOpenedByOrderly_HasTheJitOff()
    {
        var settings = await TestDatabase.CreateAsync(TestDatabase.Postgres, "session");
        try
        {
            await using var db = OrderlyDatabase.CreateContext(settings);
            Assert.Equal("off", await ShowAsync(db, "jit"));
        }
        finally
        {
            await TestDatabase.DropAsync(settings);
        }
    }

    [Fact]
    public async Task OptionsInTheConnectionString_AreKept_AndAJitSettingThereWins()
    {
        var created = await TestDatabase.CreateAsync(TestDatabase.Postgres, "session");
        var settings = created with
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(created.ConnectionString) { Options = "-c jit=on -c work_mem=8MB" }.ConnectionString,
        };
        try
        {
            await using var db = OrderlyDatabase.CreateContext(settings);
            Assert.Equal("on", await ShowAsync(db, "jit"));
            Assert.Equal("8MB", await ShowAsync(db, "work_mem"));
        }
        finally
        {
            await TestDatabase.DropAsync(created);
        }
    }

    [Theory]
    [InlineData("Host=db;Username=u", "-c jit=off")]
    [InlineData("Host=db;Username=u;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [InlineData("Host=db;Username=u;Options=-c jit=on", "-c jit=on")]
    public void WithDefaults_AddsJitOffToTheOptions_UnlessTheyMentionIt(string connectionString, string options) =>
        Assert.Equal(options, new NpgsqlConnectionStringBuilder(PostgresSession.WithDefaults(connectionString)).Options);

    private static async Task<string> ShowAsync(OrderlyDbContext db, string setting)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SHOW {setting}";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
