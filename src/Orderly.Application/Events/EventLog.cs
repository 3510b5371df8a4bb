using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Events;
using Orderly.Data;
using Orderly.Data.Events;
using Orderly.Data.Storage;

namespace Orderly.Application.Events;

/// <summary>
/// Appends fulfillment events to the log, in the same transaction as the change they record.
/// Events are collected during the unit of work and written by <see cref="FlushAsync"/> just
/// before commit. On PostgreSQL that write first takes a transaction-scoped advisory lock, so
/// transactions that append events commit in the order of their ids: a reader paging by cursor
/// never sees a later id before an earlier one, and so never skips an event. SQLite has one
/// writer at a time and needs no lock.
/// </summary>
public sealed class EventLog(OrderlyDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly List<EventRecord> _pending = [];

    public void Append(EventTypes.EventType type, string entityType, string entityKey, object data, long? orderId = null, string? siteCode = null) =>
        _pending.Add(new EventRecord
        {
            At = clock.GetUtcNow(),
            Type = type.Code,
            BizStep = type.BizStep,
            EntityType = entityType,
            EntityKey = entityKey,
            OrderId = orderId,
            SiteCode = siteCode,
            Data = JsonSerializer.Serialize(data, Json),
        });

    /// <summary>
    /// Saves the unit of work's pending changes, then writes the collected events, with the rows
    /// already in <paramref name="inserts"/> when given (one round trip for all of them); call it
    /// last before committing the transaction.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken, InsertBatch? inserts = null)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (_pending.Count > 0)
        {
            if (db.Database.CurrentTransaction is null)
                throw new InvalidOperationException("Events are appended inside the transaction of the change they record.");
            inserts ??= db.BeginInserts();
            // The unit of work's other rows go first, so that on PostgreSQL the lock serializes only the event rows and the commit.
            EventLogOrder.LockBeforeEvents(db, inserts);
            // Inserted outside the change tracker (InsertBatch): the log is append-only and nothing reads these rows back in this unit of work.
            inserts.Add([.. _pending]);
            _pending.Clear();
        }
        if (inserts is not null) await inserts.ExecuteAsync(cancellationToken);
    }

    /// <summary>Forgets events collected for a unit of work that is being retried or abandoned.</summary>
    public void Discard() => _pending.Clear();
}
