using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Orderly.Core.Definitions;
using Orderly.Core.Inventory;
using Orderly.Data.Storage;

namespace Orderly.Data.Inventory;

/// <summary>
/// Posts movements to the stock ledger inside the caller's transaction. The source bucket is
/// decremented by a single conditional UPDATE (<c>... AND quantity_milli &gt;= @q</c>), which on
/// PostgreSQL re-checks the condition against a concurrent committed update and on SQLite runs
/// under the one writer lock: either way stock cannot be taken twice. The CHECK constraint on
/// the balance is the last line of defence.
/// </summary>
public sealed class LedgerStore(OrderlyDbContext db)
{
    /// <summary>
    /// Appends the movement and updates the balances it touches. Returns false when the source
    /// bucket holds less than the movement takes; the caller then rolls its transaction back.
    /// The balances change at once; the movement row is saved now, or with the caller's next
    /// SaveChanges when <paramref name="saveMovement"/> is false (one round trip for many movements).
    /// </summary>
    public async Task<bool> TryPostAsync(StockMovement movement, string actor, DateTimeOffset at, CancellationToken cancellationToken, bool saveMovement = true)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Ledger postings run inside a transaction, with the change that caused them.");

        // Rows are always locked in one order (location, then status), so two opposite moves
        // between the same buckets wait for each other instead of deadlocking.
        if (movement is { From: { } from, To: { } to } && LockOrder(to).CompareTo(LockOrder(from)) < 0)
        {
            await AddAsync(to, movement.Quantity, cancellationToken);
            if (!await TakeAsync(from, movement.Quantity, cancellationToken)) return false;
        }
        else
        {
            if (movement.From is { } source && !await TakeAsync(source, movement.Quantity, cancellationToken)) return false;
            if (movement.To is { } target) await AddAsync(target, movement.Quantity, cancellationToken);
        }

        db.Movements.Add(Record(movement, actor, at));
        if (saveMovement) await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Posts several movements at once: the takes and adds of every movement, each in the order
    /// <see cref="TryPostAsync"/> would run them (on PostgreSQL as one command, one round trip; on
    /// SQLite as two prepared statements), then the movement rows in one insert. Returns false,
    /// having changed nothing the caller keeps, when any take found too little stock: the caller
    /// then rolls its transaction back.
    /// </summary>
    /// <param name="records">Where to add the movement rows, to be sent with the unit of work's other inserts; without it they are inserted at once.</param>
    public async Task<bool> TryPostAllAsync(IReadOnlyList<StockMovement> movements, string actor, DateTimeOffset at, CancellationToken cancellationToken,
        InsertBatch? records = null)
    {
        if (movements.Count == 0) return true;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Ledger postings run inside a transaction, with the change that caused them.");

        var posted = db.Provider == DatabaseProvider.Postgres
            ? await PostCombinedAsync(movements, cancellationToken)
            : await PostOneByOneAsync(movements, cancellationToken);
        if (!posted) return false;

        var rows = movements.Select(m => Record(m, actor, at)).ToList();
        if (records is not null) records.Add(rows);
        else await db.InsertRowsAsync(rows, cancellationToken);
        return true;
    }

    /// <summary>
    /// PostgreSQL: every take and add in one command, one round trip. Every statement touches
    /// exactly one row (an upsert always does; a take only when the stock is there), so the total
    /// tells whether every take found its stock.
    /// </summary>
    private async Task<bool> PostCombinedAsync(IReadOnlyList<StockMovement> movements, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        var values = new List<object>();
        var statements = 0;
        foreach (var (bucket, quantity, take) in Steps(movements))
        {
            if (take) AppendTake(sql, values, bucket, quantity);
            else AppendAdd(sql, values, bucket, quantity);
            statements++;
        }
        return await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken) == statements;
    }

    /// <summary>
    /// SQLite: the take and the add each prepared once (in a server, once for the server's life:
    /// <see cref="SqliteWriter"/>) and run per movement, stopping at the first take that finds too
    /// little. SQLite runs in-process, so one command saves no round trip; a command of ten
    /// statements instead bound each of its fifty parameters by name against every statement,
    /// which cost a capture 0.3 to 0.4 ms more while it held the one writer (docs/performance.md §1).
    /// </summary>
    private async Task<bool> PostOneByOneAsync(IReadOnlyList<StockMovement> movements, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        // On a server's writer both stay prepared between postings.
        await using var take = WriteCommand.For(connection, transaction, TakeSql, AddBucketParameters);
        await using var add = WriteCommand.For(connection, transaction, AddSql, AddBucketParameters);
        foreach (var (bucket, quantity, isTake) in Steps(movements))
        {
            var command = isTake ? take.Command : add.Command;
            Bind(command, bucket, quantity);
            var touched = await command.ExecuteNonQueryAsync(cancellationToken);
            if (isTake && touched != 1) return false;
        }
        return true;
    }

    /// <summary>The takes and adds of the movements, each movement's in the order <see cref="TryPostAsync"/> would run them.</summary>
    private static IEnumerable<(StockBucket Bucket, Quantity Quantity, bool Take)> Steps(IReadOnlyList<StockMovement> movements)
    {
        foreach (var movement in movements)
        {
            if (movement is { From: { } from, To: { } to } && LockOrder(to).CompareTo(LockOrder(from)) < 0)
            {
                yield return (to, movement.Quantity, false);
                yield return (from, movement.Quantity, true);
            }
            else
            {
                if (movement.From is { } source) yield return (source, movement.Quantity, true);
                if (movement.To is { } target) yield return (target, movement.Quantity, false);
            }
        }
    }

    private static readonly string TakeSql = LedgerSql.Take("@quantity", "@site", "@location", "@item", "@status");

    private static readonly string AddSql = LedgerSql.Add("@site", "@location", "@item", "@status", "@quantity");

    private static readonly string[] BucketParameters = ["@site", "@location", "@item", "@status", "@quantity"];

    private static void AddBucketParameters(DbCommand command)
    {
        foreach (var name in BucketParameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
    }

    private static void Bind(DbCommand command, StockBucket bucket, Quantity quantity)
    {
        command.Parameters[0].Value = bucket.SiteId;
        command.Parameters[1].Value = bucket.LocationId;
        command.Parameters[2].Value = bucket.ItemId;
        command.Parameters[3].Value = bucket.Status.Code();
        command.Parameters[4].Value = quantity.Milli;
    }

    private static void AppendTake(StringBuilder sql, List<object> values, StockBucket from, Quantity quantity)
    {
        sql.Append(LedgerSql.Take(Marker(values.Count), Marker(values.Count + 1), Marker(values.Count + 2), Marker(values.Count + 3), Marker(values.Count + 4))).Append(";\n");
        values.AddRange([quantity.Milli, from.SiteId, from.LocationId, from.ItemId, from.Status.Code()]);
    }

    private static void AppendAdd(StringBuilder sql, List<object> values, StockBucket to, Quantity quantity)
    {
        sql.Append(LedgerSql.Add(Marker(values.Count), Marker(values.Count + 1), Marker(values.Count + 2), Marker(values.Count + 3), Marker(values.Count + 4))).Append(";\n");
        values.AddRange([to.SiteId, to.LocationId, to.ItemId, to.Status.Code(), quantity.Milli]);
    }

    /// <summary>The placeholder of the n-th value of a raw SQL command, which EF turns into a parameter.</summary>
    private static string Marker(int index) => "{" + index.ToString(CultureInfo.InvariantCulture) + "}";

    private static MovementRecord Record(StockMovement movement, string actor, DateTimeOffset at)
    {
        var bucket = movement.From ?? movement.To!.Value;
        return new MovementRecord
        {
            At = at,
            Kind = movement.Kind,
            SiteId = bucket.SiteId,
            ItemId = bucket.ItemId,
            Quantity = movement.Quantity,
            FromLocationId = movement.From?.LocationId,
            FromStatus = movement.From?.Status,
            ToLocationId = movement.To?.LocationId,
            ToStatus = movement.To?.Status,
            ReasonCode = movement.ReasonCode,
            Reference = movement.Reference,
            Actor = actor,
        };
    }

    private static (long Location, int Status) LockOrder(StockBucket bucket) => (bucket.LocationId, (int)bucket.Status);

    /// <summary>Takes stock from a bucket if it holds enough; the caller rolls back when it does not.</summary>
    private async Task<bool> TakeAsync(StockBucket from, Quantity quantity, CancellationToken cancellationToken)
    {
        var values = new List<object>(5);
        var sql = new StringBuilder();
        AppendTake(sql, values, from, quantity);
        return await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken) == 1;
    }

    private async Task AddAsync(StockBucket to, Quantity quantity, CancellationToken cancellationToken)
    {
        var values = new List<object>(5);
        var sql = new StringBuilder();
        AppendAdd(sql, values, to, quantity);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
    }

    /// <summary>The balance of one bucket as stored (zero when it has never held stock).</summary>
    public async Task<Quantity> BalanceAsync(StockBucket bucket, CancellationToken cancellationToken) =>
        await db.Balances
            .Where(b => b.SiteId == bucket.SiteId && b.LocationId == bucket.LocationId && b.ItemId == bucket.ItemId && b.Status == bucket.Status)
            .Select(b => (long?)b.QuantityMilli)
            .SingleOrDefaultAsync(cancellationToken) is { } milli ? Quantity.FromMilli(milli) : Quantity.Zero;
}
