using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Orderly.Data.Storage;

/// <summary>
/// The one connection a server writes to a SQLite database through, open for as long as the server
/// runs, with the statements its writes use prepared once and kept. SQLite admits one writer at a
/// time anyway (<see cref="WriteTransaction"/> queues them), so one connection costs no
/// concurrency, and it keeps what a connection per request loses on every write:
/// <list type="bullet">
/// <item>its prepared statements (<see cref="Prepared"/>): Microsoft.Data.Sqlite finalizes a
/// connection's statements when the connection is closed, so every capture prepared the same nine
/// statements afresh while it held the writer;</item>
/// <item>its page cache: a connection that finds the database changed by another since its last
/// transaction drops its whole cache. The writer is the only one that changes the database.</item>
/// </list>
/// Measured in the eighth session (docs/performance.md §1): a capture's inserts held the writer
/// 0.77 to 0.80 ms instead of 1.17 to 1.24, its ledger takes 0.17 instead of 0.27 to 0.30.
/// A server registers the writer for its lifetime (<see cref="AcquireAsync"/>, through its hosted
/// service); the CLI and other short-lived users write on their context's own connection.
/// </summary>
public sealed class SqliteWriter : IAsyncDisposable
{
    // Both maps, and every writer's count of users, are guarded by Writers.
    private static readonly Dictionary<string, SqliteWriter> Writers = new(StringComparer.Ordinal);
    private static readonly Dictionary<DbConnection, SqliteWriter> ByConnection = [];

    // The context EF opened the connection through, so EF's SQL functions are registered on it.
    private readonly OrderlyDbContext _owner;
    private readonly string _connectionString;
    // Used only by the write transaction holding the gate, one at a time.
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private int _users;

    private SqliteWriter(DatabaseSettings settings)
    {
        _connectionString = settings.ConnectionString;
        _owner = OrderlyDatabase.CreateContext(settings);
        _owner.Database.OpenConnection();
        Connection = _owner.Database.GetDbConnection();
    }

    private DbConnection Connection { get; }

    /// <summary>
    /// Keeps a writer open for <paramref name="settings"/>' SQLite database until the returned
    /// registration is disposed; registrations for the same database share one writer.
    /// </summary>
    public static SqliteWriter Acquire(DatabaseSettings settings)
    {
        if (settings.Provider != DatabaseProvider.Sqlite) throw new ArgumentException("Only a SQLite database has one writer.", nameof(settings));
        lock (Writers)
        {
            if (!Writers.TryGetValue(settings.ConnectionString, out var writer))
            {
                writer = new SqliteWriter(settings);
                Writers.Add(settings.ConnectionString, writer);
                ByConnection.Add(writer.Connection, writer);
            }
            writer._users++;
            return writer;
        }
    }

    /// <summary>Ends one registration. The last closes the connection, once the write in progress, if any, is done.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (Writers)
        {
            if (_users == 0 || --_users > 0) return;
        }
        var gate = WriteTransaction.GateFor(_connectionString);
        await gate.WaitAsync();
        try
        {
            lock (Writers)
            {
                // Registered again while this waited for the gate: keep it.
                if (_users > 0) return;
                Writers.Remove(_connectionString);
                ByConnection.Remove(Connection);
            }
            foreach (var command in _commands.Values) await command.DisposeAsync();
            await _owner.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether a writer is registered for the database; <see cref="Loan.Begin"/> looks again under the gate.</summary>
    internal static bool IsRegistered(string connectionString)
    {
        lock (Writers) return Writers.ContainsKey(connectionString);
    }

    /// <summary>
    /// The writer's command for <paramref name="sql"/>, prepared on its first run and kept, when
    /// <paramref name="connection"/> is a writer's (a server's write transaction); null otherwise,
    /// and the caller makes its own. The caller must not dispose it, and finds the parameters it
    /// added the first time still there.
    /// </summary>
    internal static DbCommand? Prepared(DbConnection connection, DbTransaction transaction, string sql)
    {
        SqliteWriter? writer;
        lock (Writers) writer = ByConnection.GetValueOrDefault(connection);
        if (writer is null) return null;
        if (!writer._commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            writer._commands.Add(sql, command);
        }
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// Prepares to lend the writer's connection to <paramref name="db"/> for one write transaction,
    /// in place of the context's own, which is closed meanwhile (its reads are done) and opened again
    /// afterwards if it was open. Null when there is no writer, or the context's own connection
    /// cannot be set aside (something other than EF keeps it open): the write then runs on it, as
    /// the CLI's do.
    /// </summary>
    internal static async Task<Loan?> PrepareLoanAsync(OrderlyDbContext db, string connectionString)
    {
        if (!IsRegistered(connectionString) || db.Database.CurrentTransaction is not null) return null;
        var own = db.Database.GetDbConnection();
        if (own.State != ConnectionState.Open) return new Loan(db, connectionString, reopen: false);
        await db.Database.CloseConnectionAsync();
        if (own.State == ConnectionState.Closed) return new Loan(db, connectionString, reopen: true);
        await db.Database.OpenConnectionAsync();
        return null;
    }

    internal sealed class Loan(OrderlyDbContext db, string connectionString, bool reopen)
    {
        /// <summary>Puts the writer's connection in the context's place; call it holding the gate. False when the writer is gone (the server is stopping).</summary>
        public bool Begin()
        {
            SqliteWriter? writer;
            lock (Writers) writer = Writers.GetValueOrDefault(connectionString);
            if (writer is null) return false;
            // The context's own connection is closed, so EF lets it go (and disposes it: it created it).
            db.Database.SetDbConnection(writer.Connection, contextOwnsConnection: false);
            return true;
        }

        /// <summary>
        /// Takes the writer's connection back from the context, still open (EF does not close a
        /// connection it was given open), and gives the context its connection string again, so its
        /// next query opens a connection of its own as usual.
        /// </summary>
        public void End()
        {
            db.Database.SetDbConnection(null, contextOwnsConnection: true);
            db.Database.SetConnectionString(connectionString);
        }

        /// <summary>Opens the context's own connection again if it was open before the write.</summary>
        public Task RestoreAsync() => reopen ? db.Database.OpenConnectionAsync() : Task.CompletedTask;
    }
}
