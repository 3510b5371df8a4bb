using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orderly.Data.Storage;

/// <summary>Recognises, on either provider, the database errors Orderly answers on purpose rather than as failures.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A unique index refused the write: a concurrent request saved the same key first
    /// (SQLite reports 2067 for a unique index and 1555 for a primary key). The error comes wrapped
    /// in a <see cref="DbUpdateException"/> from SaveChanges, or as it is from a command Orderly sends itself.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception) => (exception is DbUpdateException { InnerException: { } inner } ? inner : exception) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// PostgreSQL chose this transaction as a deadlock's victim or could not serialize it: trying
    /// the whole unit of work again is the answer.
    /// </summary>
    public static bool IsDeadlockOrSerializationFailure(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
