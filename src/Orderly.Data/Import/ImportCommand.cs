using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Orderly.Data;

namespace Orderly.Data.Import;

/// <summary>A plain command on the context's connection, in its current transaction if it has one.</summary>
internal static class ImportCommand
{
    public static DbCommand Create(OrderlyDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>The SQL text of a key's table and column: <c>(table, column)</c>.</summary>
    public static (string Table, string Column) Of(ImportKey kind) => kind switch
    {
        ImportKey.ItemSku => ("items", "sku"),
        ImportKey.CustomerAccount => ("customers", "account_number"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
