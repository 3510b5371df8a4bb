using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orderly.Data.Storage;

/// <summary>
/// Inserts rows (events, decisions, ledger movements, a new order's rows) inside the current
/// transaction, outside the change tracker: on PostgreSQL as multi-row INSERTs sent together, on
/// SQLite as single-row INSERTs prepared once per table (for a server's life, on its writer). Through
/// the change tracker EF Core built, prepared and tracked a statement for every row, and for rows
/// nobody reads back in the same unit of work that was most of what a capture spent. Column names, conversions and parameter types come from
/// the EF model, so the rows are stored exactly as SaveChanges would store them.
/// </summary>
public static class RowInserter
{
    /// <summary>Inserts rows whose keys the store generates.</summary>
    public static Task InsertRowsAsync<T>(this OrderlyDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
        db.BeginInserts().Add(rows).ExecuteAsync(cancellationToken);

    /// <summary>Inserts rows whose keys the caller reserved beforehand (see <see cref="Orders.NewOrderRows"/>).</summary>
    public static Task InsertRowsWithKeysAsync<T>(this OrderlyDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
        db.BeginInserts().Add(rows, keysGiven: true).ExecuteAsync(cancellationToken);

    /// <summary>
    /// Collects inserts into several tables to run them together: on PostgreSQL one command (one
    /// round trip) for all of them, as far as the cap on parameters per command allows.
    /// </summary>
    public static InsertBatch BeginInserts(this OrderlyDbContext db) => new(db);
}

/// <summary>
/// Inserts into one or more tables, in the order they were added (parents before children, since
/// foreign keys are checked statement by statement), run by <see cref="ExecuteAsync"/> inside the
/// current transaction: on PostgreSQL as few commands (round trips) as possible, on SQLite one
/// prepared single-row INSERT per table.
/// </summary>
public sealed class InsertBatch
{
    // Both engines cap the parameters of one command (SQLite at 32,766); stay well under.
    private const int MaxParameters = 30_000;

    private readonly OrderlyDbContext _db;
    private readonly List<Statement> _statements = [];

    internal InsertBatch(OrderlyDbContext db) => _db = db;

    /// <summary>One INSERT of <see cref="RowCount"/> rows into a table, or a plain statement (no table) to run at this point.</summary>
    private sealed record Statement(InsertTable? Table, IReadOnlyList<object> Rows, int Start, int RowCount, string? Sql = null)
    {
        public int Parameters => Table is null ? 0 : RowCount * Table.Columns.Length;
    }

    /// <summary>Adds rows to insert; with <paramref name="keysGiven"/> their keys are written too (reserved by the caller), else the store generates them.</summary>
    public InsertBatch Add<T>(IReadOnlyList<T> rows, bool keysGiven = false) where T : class
    {
        if (rows.Count == 0) return this;
        var entity = _db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = InsertTable.For(entity, keysGiven);
        var rowsPerStatement = Math.Max(1, MaxParameters / table.Columns.Length);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
            _statements.Add(new Statement(table, rows, start, Math.Min(rowsPerStatement, rows.Count - start)));
        return this;
    }

    /// <summary>Adds a statement without parameters to run at this point of the batch (PostgreSQL's event-log lock, for one).</summary>
    public InsertBatch AddStatement(string sql)
    {
        _statements.Add(new Statement(null, [], 0, 0, sql));
        return this;
    }

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (_statements.Count == 0) return;
        var transaction = _db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows are inserted inside the transaction of the change they belong to.");
        var connection = _db.Database.GetDbConnection();
        if (_db.Provider == DatabaseProvider.Postgres) await ExecuteCombinedAsync(connection, transaction.GetDbTransaction(), cancellationToken);
        else await ExecuteRowByRowAsync(connection, transaction.GetDbTransaction(), cancellationToken);
        _statements.Clear();
    }

    /// <summary>
    /// PostgreSQL: multi-row INSERTs, several to a command, since each command is a network round trip.
    /// </summary>
    private async Task ExecuteCombinedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var next = 0;
        while (next < _statements.Count)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder();
            var parameters = 0;
            // At least one statement per command; more while they fit under the cap.
            do
            {
                var statement = _statements[next++];
                if (statement.Table is { } table) table.AppendInsert(sql, command, statement.Rows, statement.Start, statement.RowCount, ref parameters);
                else sql.Append(statement.Sql).Append(";\n");
            }
            while (next < _statements.Count && parameters + _statements[next].Parameters <= MaxParameters);
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite: one single-row INSERT per table, prepared once and run for each of its rows (in a
    /// server, prepared once for the server's life: <see cref="SqliteWriter"/>). SQLite runs
    /// in-process, so there is no round trip to save; what costs there is preparing SQL and binding
    /// parameters by name, and both grow with a statement's size. A capture's rows are written
    /// while it holds the one writer: measured inside the server, its six multi-row INSERTs (about
    /// 25 rows) took 1.2 to 1.4 ms to build, prepare and run (docs/performance.md §1).
    /// </summary>
    private async Task ExecuteRowByRowAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var commands = new Dictionary<InsertTable, WriteCommand>();
        try
        {
            foreach (var statement in _statements)
            {
                if (statement.Table is not { } table)
                {
                    await using var plain = connection.CreateCommand();
                    plain.Transaction = transaction;
                    plain.CommandText = statement.Sql;
                    await plain.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }
                if (!commands.TryGetValue(table, out var insert))
                    commands.Add(table, insert = WriteCommand.For(connection, transaction, table.SingleRowInsert));
                for (var row = statement.Start; row < statement.Start + statement.RowCount; row++)
                {
                    table.Bind(insert.Command, statement.Rows[row]);
                    // Prepared on its first run; later runs only bind the values.
                    await insert.Command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        finally
        {
            foreach (var insert in commands.Values) await insert.DisposeAsync();
        }
    }
}

/// <summary>
/// A table's columns as an insert writes them, built once from the EF model per entity type (the
/// inserts run while a capture holds SQLite's one writer, and everything done there delays every
/// other writer).
/// </summary>
internal sealed class InsertTable
{
    private static readonly ConcurrentDictionary<(IEntityType Entity, bool KeysGiven), InsertTable> Tables = new();
    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 1024).Select(i => $"@p{i}")];

    private readonly string _prefix;

    /// <summary>The INSERT of one row, its parameters numbered in column order (<see cref="Bind"/>).</summary>
    public string SingleRowInsert { get; }

    private InsertTable(IEntityType entity, bool keysGiven)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Unless the caller reserved them, the store generates the keys; every other column is written.
        var properties = entity.GetProperties().Where(p => keysGiven || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToArray();
        // The column's type mapping creates the parameter and applies its value converter, as SaveChanges does.
        Columns = [.. properties.Select(p => new Column((RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), p.IsNullable))];
        _prefix = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
            .AppendJoin(", ", properties.Select(c => Quote(c.GetColumnName(table)!))).Append(") VALUES ").ToString();
        SingleRowInsert = new StringBuilder(_prefix).Append('(').AppendJoin(", ", Columns.Select((_, index) => ParameterName(index))).Append(')').ToString();
    }

    public sealed record Column(RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    public Column[] Columns { get; }

    public static InsertTable For(IEntityType entity, bool keysGiven) =>
        Tables.GetOrAdd((entity, keysGiven), static key => new InsertTable(key.Entity, key.KeysGiven));

    /// <summary>Appends the INSERT of rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> and binds their values, numbering parameters on from <paramref name="parameter"/>.</summary>
    public void AppendInsert(StringBuilder sql, DbCommand command, IReadOnlyList<object> rows, int start, int count, ref int parameter)
    {
        sql.Append(_prefix);
        for (var row = start; row < start + count; row++)
        {
            if (row > start) sql.Append(", ");
            sql.Append('(');
            for (var column = 0; column < Columns.Length; column++)
            {
                if (column > 0) sql.Append(", ");
                var name = ParameterName(parameter++);
                sql.Append(name);
                var c = Columns[column];
                command.Parameters.Add(c.Mapping.CreateParameter(command, name, c.Getter.GetClrValueUsingContainingEntity(rows[row]), c.Nullable));
            }
            sql.Append(')');
        }
        sql.Append(";\n");
    }

    /// <summary>Binds one row's values to a command of <see cref="SingleRowInsert"/>, replacing the previous row's.</summary>
    public void Bind(DbCommand command, object row)
    {
        var parameters = command.Parameters;
        for (var column = 0; column < Columns.Length; column++)
        {
            var c = Columns[column];
            // Created by the column's type mapping, as SaveChanges would, so the value is converted and typed the same way.
            var parameter = c.Mapping.CreateParameter(command, ParameterName(column), c.Getter.GetClrValueUsingContainingEntity(row), c.Nullable);
            if (parameters.Count > column) parameters[column] = parameter;
            else parameters.Add(parameter);
        }
    }

    private static string ParameterName(int index) => index < ParameterNames.Length ? ParameterNames[index] : $"@p{index}";

    private static string Quote(string identifier) => $"\"{identifier}\"";
}
