using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orderly.Data.Storage;

/// <summary>
/// Inserts append-only rows (events, decisions, ledger movements) in one multi-row INSERT inside
/// the current transaction, outside the change tracker. EF Core on SQLite sends one statement per
/// row, and for rows nobody reads back in the same unit of work that per-statement cost is most of
/// what a capture spends. Column names, conversions and parameter types come from the EF model,
/// so the rows are stored exactly as SaveChanges would store them.
/// </summary>
public static class RowInserter
{
    // Both engines cap the parameters of one statement (SQLite at 32,766); stay well under.
    private const int MaxParameters = 30_000;

    /// <summary>Inserts rows whose keys the store generates.</summary>
    public static Task InsertRowsAsync<T>(this OrderlyDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
        InsertAsync(db, rows, keysGiven: false, cancellationToken);

    /// <summary>Inserts rows whose keys the caller reserved beforehand (see <see cref="Orders.NewOrderRows"/>).</summary>
    public static Task InsertRowsWithKeysAsync<T>(this OrderlyDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class =>
        InsertAsync(db, rows, keysGiven: true, cancellationToken);

    private static async Task InsertAsync<T>(OrderlyDbContext db, IReadOnlyList<T> rows, bool keysGiven, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows are inserted inside the transaction of the change they belong to.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = Tables.GetOrAdd((entity, keysGiven), static key => new Table(key.Entity, key.KeysGiven));
        var rowsPerStatement = Math.Max(1, MaxParameters / table.Columns.Length);

        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = table.Insert(count);
            var parameter = 0;
            for (var row = start; row < start + count; row++)
                foreach (var column in table.Columns)
                    command.Parameters.Add(column.Mapping.CreateParameter(command, ParameterName(parameter++),
                        column.Getter.GetClrValueUsingContainingEntity(rows[row]), column.Nullable));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The statements are built once per table and row count, not per insert: a capture runs several
    // inserts while it holds SQLite's one writer, and everything done there delays every other writer.
    private static readonly ConcurrentDictionary<(IEntityType Entity, bool KeysGiven), Table> Tables = new();
    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 1024).Select(i => $"@p{i}")];

    private static string ParameterName(int index) => index < ParameterNames.Length ? ParameterNames[index] : $"@p{index}";

    private sealed record Column(RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    /// <summary>A table's columns as an insert writes them, and its INSERT statement for each row count met so far.</summary>
    private sealed class Table
    {
        private readonly string _prefix;
        private readonly ConcurrentDictionary<int, string> _inserts = new();

        public Table(IEntityType entity, bool keysGiven)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            // Unless the caller reserved them, the store generates the keys; every other column is written.
            var properties = entity.GetProperties().Where(p => keysGiven || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToArray();
            // The column's type mapping creates the parameter and applies its value converter, as SaveChanges does.
            Columns = [.. properties.Select(p => new Column((RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), p.IsNullable))];
            _prefix = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
                .AppendJoin(", ", properties.Select(c => Quote(c.GetColumnName(table)!))).Append(") VALUES ").ToString();
        }

        public Column[] Columns { get; }

        /// <summary>The statement for <paramref name="rowCount"/> rows; kept for the small counts a unit of work writes, built afresh for bulk ones.</summary>
        public string Insert(int rowCount) => rowCount <= MostRowsKept ? _inserts.GetOrAdd(rowCount, Build) : Build(rowCount);

        private const int MostRowsKept = 64;

        private string Build(int count)
        {
            var sql = new StringBuilder(_prefix);
            var parameter = 0;
            for (var row = 0; row < count; row++)
            {
                if (row > 0) sql.Append(", ");
                sql.Append('(');
                for (var column = 0; column < Columns.Length; column++)
                {
                    if (column > 0) sql.Append(", ");
                    sql.Append(ParameterName(parameter++));
                }
                sql.Append(')');
            }
            return sql.ToString();
        }
    }

    private static string Quote(string identifier) => $"\"{identifier}\"";
}
