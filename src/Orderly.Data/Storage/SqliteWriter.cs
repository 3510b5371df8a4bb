using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orderly.Data.Storage;

/// <summary>
/// The one connection a server writes to a SQLite database through, open for as long as the server
/// runs, with the statements its writes use prepared once and kept (<see cref="WriteCommand"/>).
/// SQLite admits one writer at a time anyway (<see cref="WriteTransaction"/> queues them), so one
/// connection costs no concurrency, and it keeps what a connection per request lost on every write:
/// its prepared statements, which Microsoft.Data.Sqlite finalizes when a connection is closed (so
/// every capture prepared the same nine statements again while it held the writer), and its page
/// cache, which a connection drops whenever another has changed the database since its last
/// transaction (here, only when something writes outside the queue: sign-in bookkeeping, the CLI).
/// Measured in the eighth session (docs/performance.md §1): a capture's inserts held the writer
/// 0.77 to 0.80 ms instead of 1.17 to 1.24, its ledger takes 0.17 instead of 0.27 to 0.30.
/// <para>
/// A server registers the writer for its lifetime (<see cref="Acquire"/>, through its hosted
/// service). Every write transaction of that process on that database borrows it, whichever
/// context it runs in; a process without one (the CLI) writes on its context's own connection.
/// </para>
/// </summary>
public sealed class SqliteWriter
{
    // Both maps and every writer's count of registrations are guarded by Writers.
    private static readonly Dictionary<string, SqliteWriter> Writers = new(StringComparer.Ordinal);
    private static readonly Dictionary<DbConnection, SqliteWriter> ByConnection = [];

    // The context EF opened the connection through, so EF's SQL functions are registered on it.
    private readonly OrderlyDbContext _owner;
    private readonly string _connectionString;
    // Touched only by the write transaction that holds the gate, one at a time.
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private int _registrations;

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
    public static Registration Acquire(DatabaseSettings settings)
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
            writer._registrations++;
            return new Registration(writer);
        }
    }

    /// <summary>One hold on a writer; disposing it more than once counts once.</summary>
    public sealed class Registration : IAsyncDisposable
    {
        private SqliteWriter? _writer;

        internal Registration(SqliteWriter writer) => _writer = writer;

        public ValueTask DisposeAsync() => ReleaseAsync(CancellationToken.None);

        /// <summary>
        /// Ends this hold. The last one closes the connection once the write in progress, if any, is
        /// done; should <paramref name="cancellationToken"/> end the wait first (a stopping server's
        /// patience), the writer is only withdrawn, so no new write borrows it, and its connection
        /// is left to the process's end.
        /// </summary>
        public async ValueTask ReleaseAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _writer, null) is { } writer) await writer.ReleaseAsync(cancellationToken);
        }
    }

    private async ValueTask ReleaseAsync(CancellationToken cancellationToken)
    {
        lock (Writers)
        {
            if (--_registrations > 0) return;
        }
        var gate = WriteTransaction.GateFor(_connectionString);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Withdraw();
            throw;
        }
        try
        {
            if (Withdraw()) await CloseAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Takes this writer off the registry unless it was registered again meanwhile; true when it was still there.</summary>
    private bool Withdraw()
    {
        lock (Writers)
        {
            if (_registrations > 0 || !Writers.TryGetValue(_connectionString, out var current) || !ReferenceEquals(current, this)) return false;
            Writers.Remove(_connectionString);
            ByConnection.Remove(Connection);
            return true;
        }
    }

    private async Task CloseAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        await _owner.DisposeAsync();
    }

    /// <summary>Whether a writer is registered for the database; <see cref="Loan.Begin"/> looks again under the gate.</summary>
    internal static bool IsRegistered(string connectionString)
    {
        lock (Writers) return Writers.ContainsKey(connectionString);
    }

    /// <summary>
    /// The writer's command for <paramref name="sql"/> when <paramref name="connection"/> is a
    /// writer's (a server's write transaction): created once, with the parameters
    /// <paramref name="addParameters"/> gives it, prepared on its first run and kept. Null otherwise.
    /// </summary>
    internal static DbCommand? Kept(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand>? addParameters)
    {
        SqliteWriter? writer;
        lock (Writers) writer = ByConnection.GetValueOrDefault(connection);
        if (writer is null) return null;
        if (!writer._commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            addParameters?.Invoke(command);
            writer._commands.Add(sql, command);
        }
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// After a write: should a failure have left SQLite inside a transaction on the writer (one that
    /// began but whose EF transaction never came to be), the connection is closed and opened again,
    /// which rolls it back, and the kept commands are dropped. A connection kept for the server's
    /// life must not carry one write's failure into the next.
    /// </summary>
    private void EnsureNoTransactionLeft()
    {
        var handle = ((SqliteConnection)Connection).Handle;
        if (handle is null || SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0) return;
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        _owner.Database.CloseConnection();
        _owner.Database.OpenConnection();
    }

    /// <summary>
    /// Prepares to lend the writer's connection to <paramref name="db"/> for one write transaction,
    /// in place of the context's own, which is closed meanwhile (its reads are done) and opened again
    /// afterwards if it was open. Null when there is no writer, or the context's own connection
    /// cannot be set aside (EF opened it more than once): the write then runs on it, as the CLI's do.
    /// Orderly opens connections only through EF, which is what the count relies on.
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
        private SqliteWriter? _writer;

        /// <summary>Puts the writer's connection in the context's place; call it holding the gate. False when the writer is gone (its server is stopping).</summary>
        public bool Begin()
        {
            lock (Writers) _writer = Writers.GetValueOrDefault(connectionString);
            if (_writer is null) return false;
            // The context's own connection is closed, so EF lets it go (and disposes it: it created it).
            db.Database.SetDbConnection(_writer.Connection, contextOwnsConnection: false);
            return true;
        }

        /// <summary>
        /// Takes the writer's connection back from the context, still open (EF does not close a
        /// connection it was given open), and gives the context its connection string again, so its
        /// next query opens a connection of its own as usual. Call it holding the gate.
        /// </summary>
        public void End()
        {
            try
            {
                db.Database.SetDbConnection(null, contextOwnsConnection: true);
                db.Database.SetConnectionString(connectionString);
            }
            finally
            {
                _writer?.EnsureNoTransactionLeft();
            }
        }

        /// <summary>
        /// Opens the context's own connection again if it was open before the write. Best effort:
        /// the write is over (perhaps committed), so a failure here must not be reported as the
        /// write's; the context then opens a connection when it next needs one.
        /// </summary>
        public async Task RestoreAsync()
        {
            if (!reopen) return;
            try
            {
                await db.Database.OpenConnectionAsync();
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException)
            {
                // Left closed: EF opens it for the next query, and the request's Close is then a no-op.
            }
        }
    }
}
