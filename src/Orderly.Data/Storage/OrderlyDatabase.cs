using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Orderly.Data.Storage;

/// <summary>Wires the data model to the configured provider, and brings a database's schema up to date.</summary>
public static class OrderlyDatabase
{
    public static IServiceCollection AddOrderlyData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        // Pooled: every request needs a context, and a reset one costs far less than a new one
        // (the contexts hold no state of their own beyond what EF resets).
        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContextPool<OrderlyDbContext, SqliteOrderlyDbContext>(o => Configure(o, settings)),
            DatabaseProvider.Postgres => services.AddDbContextPool<OrderlyDbContext, PostgresOrderlyDbContext>(o => Configure(o, settings)),
        };
    }

    public static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> options, DatabaseSettings settings) where T : DbContext
    {
        Configure((DbContextOptionsBuilder)options, settings);
        return options;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        _ = settings.Provider switch
        {
            // Split queries: an order with its lines and their allocations loads in three lean queries, not one wide join.
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.Postgres => options.UseNpgsql(PostgresSession.WithDefaults(settings.ConnectionString), o => o.MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
        };
        return options.UseSnakeCaseNamingConvention();
    }

    /// <summary>Creates a context outside dependency injection (the CLI, tests).</summary>
    public static OrderlyDbContext CreateContext(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteOrderlyDbContext(Configure(new DbContextOptionsBuilder<SqliteOrderlyDbContext>(), settings).Options),
        DatabaseProvider.Postgres => new PostgresOrderlyDbContext(Configure(new DbContextOptionsBuilder<PostgresOrderlyDbContext>(), settings).Options),
    };

    /// <summary>
    /// Applies pending migrations. On SQLite it first switches the file to write-ahead logging,
    /// so readers never block the writer; the mode is stored in the file and lasts.
    /// </summary>
    public static async Task MigrateAsync(OrderlyDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
