using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orderly.Data.Storage;

/// <summary>The model on SQLite, with its own migrations under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteOrderlyDbContext(DbContextOptions<SqliteOrderlyDbContext> options) : OrderlyDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no timestamp type and cannot order TEXT-encoded offsets; a sortable integer can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The model on PostgreSQL, with its own migrations under <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresOrderlyDbContext(DbContextOptions<PostgresOrderlyDbContext> options) : OrderlyDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrderlyDbContext>
{
    public SqliteOrderlyDbContext CreateDbContext(string[] args) =>
        new(OrderlyDatabase.Configure(new DbContextOptionsBuilder<SqliteOrderlyDbContext>(), DatabaseSettings.Parse("design.db")).Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOrderlyDbContext>
{
    public PostgresOrderlyDbContext CreateDbContext(string[] args) =>
        new(OrderlyDatabase.Configure(new DbContextOptionsBuilder<PostgresOrderlyDbContext>(), DatabaseSettings.Parse("Host=localhost")).Options);
}
