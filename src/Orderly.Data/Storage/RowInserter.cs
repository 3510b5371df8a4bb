using System.Data.Common;
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
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Unless the caller reserved them, the store generates the keys; every other column is written.
        var columns = entity.GetProperties().Where(p => keysGiven || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToArray();
        var rowsPerStatement = Math.Max(1, MaxParameters / columns.Length);

        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = BuildInsert(table, columns, Math.Min(rowsPerStatement, rows.Count - start));
            for (var row = start; row < Math.Min(start + rowsPerStatement, rows.Count); row++)
                foreach (var column in columns)
                    command.Parameters.Add(Parameter(command, column, rows[row], command.Parameters.Count));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Parameter(DbCommand command, IProperty column, object row, int index)
    {
        var mapping = (RelationalTypeMapping)column.GetTypeMapping();
        // CreateParameter applies the column's value converter, as SaveChanges does.
        return mapping.CreateParameter(command, $"@p{index}", column.GetGetter().GetClrValueUsingContainingEntity(row), column.IsNullable);
    }

    private static string BuildInsert(StoreObjectIdentifier table, IProperty[] columns, int rowCount)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName(table)!))).Append(") VALUES ");
        var parameter = 0;
        for (var row = 0; row < rowCount; row++)
        {
            if (row > 0) sql.Append(", ");
            sql.Append('(');
            for (var column = 0; column < columns.Length; column++)
            {
                if (column > 0) sql.Append(", ");
                sql.Append("@p").Append(parameter++);
            }
            sql.Append(')');
        }
        return sql.ToString();
    }

    private static string Quote(string identifier) => $"\"{identifier}\"";
}
