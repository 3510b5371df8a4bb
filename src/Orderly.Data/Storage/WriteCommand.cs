using System.Data.Common;

namespace Orderly.Data.Storage;

/// <summary>
/// A command for one statement of a write transaction. On a server's SQLite writer it is the
/// writer's, prepared once and kept for the server's life (<see cref="SqliteWriter"/>), and
/// disposing it leaves it be; anywhere else it is made for the caller and disposed with it. Either
/// way it has the parameters <c>addParameters</c> gives it, and the caller sets their values.
/// </summary>
public readonly struct WriteCommand : IAsyncDisposable
{
    private readonly bool _own;

    private WriteCommand(DbCommand command, bool own) => (Command, _own) = (command, own);

    public DbCommand Command { get; }

    public static WriteCommand For(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand>? addParameters = null)
    {
        if (SqliteWriter.Kept(connection, transaction, sql, addParameters) is { } kept) return new WriteCommand(kept, own: false);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        addParameters?.Invoke(command);
        return new WriteCommand(command, own: true);
    }

    public ValueTask DisposeAsync() => _own ? Command.DisposeAsync() : ValueTask.CompletedTask;
}
