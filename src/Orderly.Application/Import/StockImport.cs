using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Allocation;
using Orderly.Application.Audit;
using Orderly.Application.Events;
using Orderly.Application.Observability;
using Orderly.Core.Definitions;
using Orderly.Data;
using Orderly.Data.Import;

namespace Orderly.Application.Import;

/// <summary>What a stock import did: the opening balances it posted and the zero rows it skipped.</summary>
public sealed record StockOutcome(int Balances, int ZeroRows, string Reference);

/// <summary>The two phases of a long import, each reported as a fraction done.</summary>
public sealed record ImportProgress(Action<double> Reading, Action<double> Writing);

/// <summary>
/// Imports opening balances for a migration. Each row becomes a receipt-kind movement with the
/// reason <c>opening-balance</c> and a reference naming the import, and adds its quantity to the
/// bucket's balance, so balances stay the sum of movements; a bucket that already holds stock is
/// added to, as any receipt would. The whole file is validated before anything is written, and
/// written in one transaction. The same file (by content) is refused a second time: importing it
/// again would double the stock. Waiting backorders of the items that received available stock
/// are offered it in the same transaction, as after any receipt.
/// </summary>
public sealed class StockImport(OrderlyDbContext db, AuditTrail audit, TimeProvider clock, BackorderReallocation reallocation, EventLog events)
{
    public const string AuditEntity = "stock";

    public async Task<StockOutcome?> ImportAsync(string path, Actor actor, ImportErrors errors, ImportProgress? progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var hash = await ImportFile.HashAsync(path, cancellationToken);
        var key = $"import {hash[..16]}";
        if (await EarlierImportAsync(key, cancellationToken) is { } earlier)
        {
            errors.Add(earlier);
            return null;
        }
        var catalog = await StockCatalog.LoadAsync(db, cancellationToken);
        List<OpeningBalance> balances;
        int zeroRows;
        using (var file = ImportFile.Open(path, StockFile.Columns, StockFile.Required, errors))
        {
            if (file is null) return null;
            (balances, zeroRows) = StockFile.Read(file, catalog, errors, progress?.Reading);
        }
        if (!errors.IsEmpty) return null;

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        // Checked again under the write lock: two runs of the same file must not both get in.
        if (await EarlierImportAsync(key, cancellationToken) is { } concurrent)
        {
            errors.Add(concurrent);
            return null;
        }
        var reference = ImportNames.Reference(name, hash);
        var movements = new OpeningMovements(clock.GetUtcNow(), reference, actor.Name);
        await IImportStore.For(db).WriteStockAsync(balances, movements,
            progress is null ? null : done => progress.Writing(balances.Count == 0 ? 1 : (double)done / balances.Count), cancellationToken);
        await OfferToBackordersAsync(balances, actor, cancellationToken);
        audit.Record(actor, "imported", AuditEntity, key, null,
            new { file = name, sha256 = hash, balances = balances.Count, zeroRowsSkipped = zeroRows, reference }, $"opening balances from {name}");
        await db.SaveChangesAsync(cancellationToken);
        await events.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        OrderlyMetrics.MovementsPosted.Add(balances.Count);
        return new StockOutcome(balances.Count, zeroRows, reference);
    }

    private async Task<string?> EarlierImportAsync(string key, CancellationToken cancellationToken)
    {
        var earlier = await db.Audit.AsNoTracking().Where(a => a.EntityType == AuditEntity && a.EntityKey == key)
            .Select(a => new { a.At, a.Actor }).FirstOrDefaultAsync(cancellationToken);
        return earlier is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"this file was already imported on {earlier.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {earlier.Actor}; importing it again would add its stock twice.");
    }

    /// <summary>Items with waiting backorders that now have more available stock get it offered, as after a receipt.</summary>
    private async Task OfferToBackordersAsync(List<OpeningBalance> balances, Actor actor, CancellationToken cancellationToken)
    {
        var waiting = await db.OrderLines.AsNoTracking().Where(l => l.BackorderedMilli > 0).Select(l => l.ItemId).Distinct().ToListAsync(cancellationToken);
        if (waiting.Count == 0) return;
        var received = balances.Where(b => b.Status == InventoryStatus.Available).Select(b => b.ItemId).ToHashSet();
        foreach (var itemId in waiting.Where(received.Contains))
            await reallocation.ReallocateAsync(itemId, actor.Name, cancellationToken);
    }
}
