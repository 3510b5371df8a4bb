using Orderly.Application.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Orderly.Api;
using Orderly.Audit;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Application.Audit;

namespace Orderly.MasterData;

/// <summary>The answer to a bulk upsert: how many records were created and how many updated.</summary>
public sealed record BulkUpsertResult(int Created, int Updated);

/// <summary>
/// Creates or updates many records by business key, all or nothing: every row is validated
/// first (errors are reported as <c>[row].field</c>), duplicates within the batch are refused,
/// and one transaction saves the lot with an audit entry per record. A row that updates a record
/// keeps the record's values for the fields it leaves out, exactly as a single update does.
/// </summary>
public sealed class BulkUpsert<TRow, TEntity, TDetails>(string entityType) where TEntity : class where TRow : class
{
    public const int MaxRows = 1000;

    /// <summary>The row's business key as the store holds it (trimmed, upper-case), or null when it has none.</summary>
    public required Func<TRow, string?> RowKey { get; init; }

    /// <summary>Validates a row, taking omitted fields from the existing record's details when there is one.</summary>
    public required Func<TRow, TDetails?, FieldErrors, (string Key, TDetails Details)?> ParseRow { get; init; }

    public required Func<TEntity, TDetails> DetailsOf { get; init; }
    public required Func<IReadOnlyList<string>, CancellationToken, Task<Dictionary<string, TEntity>>> LoadExisting { get; init; }
    public required Func<string, TDetails, TEntity> Create { get; init; }
    public required Action<TEntity, TDetails> Update { get; init; }
    public required Func<TEntity, object> Snapshot { get; init; }
    public Func<string, TDetails, string?> SiteOf { get; init; } = (_, _) => null;

    /// <summary>The key the audit log files a record under (a location's is SITE/CODE); the business key by default.</summary>
    public Func<string, string> AuditKey { get; init; } = key => key;

    /// <summary>A second value that must be unique (an item's GTIN, a site's GLN), checked within the batch too.</summary>
    public Func<TDetails, (string Field, string Value)?> UniqueValue { get; init; } = _ => null;

    public async Task<Results<Ok<BulkUpsertResult>, ValidationProblem, ProblemHttpResult>> RunAsync(
        IReadOnlyList<TRow?> rows, OrderlyDbContext db, AuditTrail audit, Actor actor, CancellationToken cancellationToken)
    {
        var rowCount = rows.Count;
        var errors = new FieldErrors();
        if (rowCount == 0) errors.Add("$", "Send a JSON array of at least one record.");
        if (rowCount > MaxRows) errors.Add("$", $"At most {MaxRows} records per request; this one has {rowCount}.");
        if (!errors.IsEmpty) return Problems.Validation(errors);

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var keys = rows.OfType<TRow>().Select(RowKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var existing = await LoadExisting(keys, cancellationToken);

        var parsed = new List<(string Key, TDetails Details)>(rowCount);
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRowOfValue = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < rowCount; row++)
        {
            var rowErrors = new FieldErrors();
            if (rows[row] is not { } raw)
            {
                errors.Add($"[{row}]", "A record is required here, not null.");
                continue;
            }
            var current = RowKey(raw) is { } rowKey && existing.TryGetValue(rowKey, out var found) ? DetailsOf(found) : default;
            if (ParseRow(raw, current, rowErrors) is { } record)
            {
                if (firstRowOfKey.TryGetValue(record.Key, out var first))
                    rowErrors.Add("key", $"'{record.Key}' already appears in row {first}; each record once per batch.");
                else
                    firstRowOfKey[record.Key] = row;
                if (UniqueValue(record.Details) is var (field, value))
                {
                    if (firstRowOfValue.TryGetValue(value, out var firstWithValue))
                        rowErrors.Add(field, $"'{value}' is also in row {firstWithValue}; it must be unique.");
                    else
                        firstRowOfValue[value] = row;
                }
                parsed.Add(record);
            }
            errors.Merge($"[{row}].", rowErrors);
        }
        if (!errors.IsEmpty) return Problems.Validation(errors, "No record was saved: fix the rows listed in errors and send the batch again.");

        int created = 0, updated = 0;
        foreach (var (key, details) in parsed)
        {
            if (existing.TryGetValue(key, out var entity))
            {
                var before = Snapshot(entity);
                Update(entity, details);
                audit.Record(actor, "updated", entityType, AuditKey(key), before, Snapshot(entity), "bulk upsert", SiteOf(key, details));
                updated++;
            }
            else
            {
                entity = Create(key, details);
                db.Add(entity);
                audit.Record(actor, "created", entityType, AuditKey(key), null, Snapshot(entity), "bulk upsert", SiteOf(key, details));
                created++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new BulkUpsertResult(created, updated));
    }
}
