using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.Audit;
using Orderly.Application.MasterData;
using Orderly.Data.Import;
using Orderly.Core.MasterData;
using Orderly.Core.Validation;
using Orderly.Data;

namespace Orderly.Application.Import;

/// <summary>
/// Imports an item file: creates or updates items by SKU with the rules and messages of the
/// bulk-upsert API (<see cref="ItemRequest"/>). A cell left empty keeps the stored value of an
/// existing item, or takes the default of a new one. Any invalid row, a SKU twice in the file, or a
/// GTIN that another item holds rejects the whole file; nothing is written then.
/// </summary>
public sealed class ItemImport(OrderlyDbContext db, AuditTrail audit)
{
    public static readonly string[] Columns =
        ["sku", "gtin", "description", "base_unit", "fractional_base_unit", "conversions", "weight_kg", "active", "sellable", "replenishment_lead_time_days", "substitutes"];

    public async Task<MasterDataOutcome?> ImportAsync(string path, Actor actor, ImportErrors errors, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var requests = ImportFile.ReadAll(path, Columns, ["sku"], errors, Read);
        if (requests is null) return null;

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var store = IImportStore.For(db);
        var keys = requests.Select(r => r.Request.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var existing = await ExistingAsync(store, keys, cancellationToken);
        var gtinOwners = await IImportStore.GtinOwnersAsync(db, cancellationToken);
        using (var rows = new CheckedRows<ItemRow>(valid => Check(requests, existing, gtinOwners, errors, valid), errors, cancellationToken))
        {
            if (!await rows.WriteAsync(valid => store.WriteItemsAsync(valid, noneStored: existing.Count == 0, cancellationToken))) return null;
        }

        var created = requests.Count(r => !existing.ContainsKey(r.Request.Key!));
        var outcome = await MasterDataOutcome.AuditedAsync(store, audit, actor, "item", name, requests.Count, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The stored items the file names. A migration's first load names none, so a plain look-up of
    /// the keys comes first and the items themselves are read only when some are stored.
    /// </summary>
    private async Task<Dictionary<string, Item>> ExistingAsync(IImportStore store, HashSet<string> keys, CancellationToken cancellationToken)
    {
        var stored = await store.StoredKeysAsync(ImportKey.ItemSku, keys, cancellationToken);
        var skus = stored.ToArray();
        if (skus.Length == 0) return new Dictionary<string, Item>(StringComparer.Ordinal);
        // One array parameter, not one parameter per key: a file names thousands.
        return await db.Items.AsNoTracking().Where(i => EF.Parameter(skus).Contains(i.Sku)).ToDictionaryAsync(i => i.Sku, StringComparer.Ordinal, cancellationToken);
    }

    private static List<(int Row, ItemRequest Request)> Read(ImportFile file, ImportErrors errors)
    {
        var requests = new List<(int, ItemRequest)>();
        while (file.Read())
        {
            if (file.IsBlank) continue;
            var row = file.Row;
            var substitutes = file.Given("substitutes");
            requests.Add((row, new ItemRequest(
                file.Given("sku") ?? "",
                file.Given("gtin"),
                file.Given("description"),
                file.Given("base_unit"),
                CellValues.Flag(file, "fractional_base_unit", row, errors),
                CellValues.Conversions(file, "conversions", row, errors),
                CellValues.Number(file, "weight_kg", row, errors),
                CellValues.Flag(file, "active", row, errors),
                CellValues.Flag(file, "sellable", row, errors),
                CellValues.WholeNumber(file, "replenishment_lead_time_days", row, errors),
                substitutes is null ? null : CellValues.List(substitutes))));
        }
        return requests;
    }

    /// <summary>Checks each row against the rules, the stored items and the GTINs in use, passing each valid one to <paramref name="valid"/>.</summary>
    private static void Check(List<(int Row, ItemRequest Request)> requests, Dictionary<string, Item> existing,
        Dictionary<string, string> gtinOwners, ImportErrors errors, Action<ItemRow> valid)
    {
        var firstRowOfSku = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRowOfGtin = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, request) in requests)
        {
            var fieldErrors = new FieldErrors();
            var current = request.Key is { } key && existing.TryGetValue(key, out var item) ? item.Details : null;
            if (request.Key is { Length: > 0 } sku && !firstRowOfSku.TryAdd(sku, row))
                errors.Add(row, "sku", $"'{sku}' already appears in row {firstRowOfSku[sku]}; each item once per file.");
            var parsed = request.Parse(fieldErrors, current);
            if (parsed is (var parsedSku, { Gtin: { } gtin }))
            {
                if (gtinOwners.TryGetValue(gtin.Gtin14, out var owner) && owner != parsedSku.Value)
                    errors.Add(row, "gtin", $"GTIN {gtin} already belongs to item {owner}.");
                else if (!firstRowOfGtin.TryAdd(gtin.Gtin14, row))
                    errors.Add(row, "gtin", $"'{gtin}' is also in row {firstRowOfGtin[gtin.Gtin14]}; it must be unique.");
            }
            foreach (var (field, messages) in fieldErrors.ToDictionary())
                foreach (var message in messages) errors.Add(row, CellValues.ColumnOf(field), message);
            if (parsed is var (validSku, details)) valid(new ItemRow(validSku.Value, details));
        }
    }
}
