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
/// Imports a customer file: creates or updates customers by account number with the rules and
/// messages of the bulk-upsert API (<see cref="CustomerRequest"/>). Each row carries one ship-to
/// address, which becomes the customer's default: a new customer gets it as its only address; an
/// existing one has the address of that code replaced (or added) and keeps its others. A row with
/// no address cells leaves an existing customer's addresses as they are. Empty cells keep stored
/// values. Any invalid row, or an account twice in the file, rejects the whole file.
/// </summary>
public sealed class CustomerImport(OrderlyDbContext db, AuditTrail audit)
{
    public static readonly string[] Columns =
    [
        "account_number", "name", "segment", "home_site", "blocked", "credit_hold",
        "ship_to_code", "ship_to_name", "ship_to_line1", "ship_to_line2", "ship_to_city", "ship_to_region", "ship_to_postal_code", "ship_to_country",
    ];

    /// <summary>The ship-to code of a row that gives an address without one.</summary>
    public const string DefaultShipToCode = "MAIN";

    public async Task<MasterDataOutcome?> ImportAsync(string path, Actor actor, ImportErrors errors, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var requests = ImportFile.ReadAll(path, Columns, ["account_number"], errors, Read);
        if (requests is null) return null;

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var store = IImportStore.For(db);
        var siteIds = await IImportStore.SiteIdsAsync(db, cancellationToken);
        var siteCodes = siteIds.ToDictionary(s => s.Value, s => s.Key);
        var keys = requests.Select(r => r.Request.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var existing = await ExistingAsync(store, keys, cancellationToken);
        using (var rows = new CheckedRows<CustomerRow>(valid => Check(requests, existing, siteIds, siteCodes, errors, valid), errors, cancellationToken))
        {
            if (!await rows.WriteAsync(valid => store.WriteCustomersAsync(valid, noneStored: existing.Count == 0, cancellationToken))) return null;
        }

        var created = requests.Count(r => !existing.ContainsKey(r.Request.Key!));
        var outcome = await MasterDataOutcome.AuditedAsync(store, audit, actor, "customer", name, requests.Count, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Checks each row against the rules, the sites and the stored customers, passing each valid one to <paramref name="valid"/>.</summary>
    private static void Check(List<(int Row, CustomerRequest Request, Address? Address)> requests, Dictionary<string, Customer> existing,
        Dictionary<string, long> siteIds, Dictionary<long, string> siteCodes, ImportErrors errors, Action<CustomerRow> valid)
    {
        var firstRowOfAccount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, request, address) in requests)
        {
            var current = request.Key is { } key && existing.TryGetValue(key, out var customer) ? customer : null;
            var fieldErrors = new FieldErrors();
            var withAddress = request with { ShipTos = address is null ? null : Merge(address, request.Name ?? current?.Name, current?.ShipTos) };
            if (request.Key is { Length: > 0 } account && !firstRowOfAccount.TryAdd(account, row))
                errors.Add(row, "account_number", $"'{account}' already appears in row {firstRowOfAccount[account]}; each customer once per file.");
            var parsed = withAddress.Parse(fieldErrors, siteIds, current?.Details, current is null ? null : siteCodes[current.HomeSiteId]);
            foreach (var (field, messages) in fieldErrors.ToDictionary())
                foreach (var message in messages) errors.Add(row, ColumnOf(field), message);
            if (parsed is var (number, details)) valid(new CustomerRow(number, details));
        }
    }

    /// <summary>
    /// The stored customers the file names. A migration's first load names none, so a plain look-up
    /// of the keys comes first and the customers themselves are read only when some are stored.
    /// </summary>
    private async Task<Dictionary<string, Customer>> ExistingAsync(IImportStore store, HashSet<string> keys, CancellationToken cancellationToken)
    {
        var stored = await store.StoredKeysAsync(ImportKey.CustomerAccount, keys, cancellationToken);
        var accounts = stored.ToArray();
        if (accounts.Length == 0) return new Dictionary<string, Customer>(StringComparer.Ordinal);
        // One array parameter, not one parameter per key: a file names thousands.
        return await db.Customers.AsNoTracking().Where(c => EF.Parameter(accounts).Contains(c.AccountNumber))
            .ToDictionaryAsync(c => c.AccountNumber, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The address cells of a row, before its defaults (code, name) are filled in.</summary>
    public sealed record Address(string? Code, string? Name, string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

    private static List<(int Row, CustomerRequest Request, Address? Address)> Read(ImportFile file, ImportErrors errors)
    {
        var requests = new List<(int Row, CustomerRequest Request, Address? Address)>();
        while (file.Read())
        {
            if (file.IsBlank) continue;
            var row = file.Row;
            var address = new Address(file.Given("ship_to_code"), file.Given("ship_to_name"), file.Given("ship_to_line1"), file.Given("ship_to_line2"),
                file.Given("ship_to_city"), file.Given("ship_to_region"), file.Given("ship_to_postal_code"), file.Given("ship_to_country")?.ToUpperInvariant());
            var request = new CustomerRequest(file.Given("account_number") ?? "", file.Given("name"), file.Given("segment"), file.Given("home_site"), null,
                CellValues.Flag(file, "blocked", row, errors), CellValues.Flag(file, "credit_hold", row, errors));
            requests.Add((row, request, address == new Address(null, null, null, null, null, null, null, null) ? null : address));
        }
        return requests;
    }

    /// <summary>The row's address as the default, first; the customer's other addresses after it, no longer default.</summary>
    private static List<ShipToAddress> Merge(Address address, string? customerName, IReadOnlyList<ShipToAddress>? current)
    {
        var code = address.Code ?? DefaultShipToCode;
        var shipTo = new ShipToAddress(code, address.Name ?? customerName ?? "", address.Line1 ?? "", address.Line2, address.City ?? "",
            address.Region ?? "", address.PostalCode ?? "", address.Country ?? "", IsDefault: true);
        return [shipTo, .. (current ?? []).Where(a => !string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)).Select(a => a with { IsDefault = false })];
    }

    /// <summary><c>shipTos[0].postalCode</c> is the column <c>ship_to_postal_code</c>; a rule about the addresses as a whole points at the first address column.</summary>
    private static string ColumnOf(string field) =>
        field.StartsWith("shipTos[", StringComparison.Ordinal) && field.IndexOf('.', StringComparison.Ordinal) is var dot and > 0
            ? "ship_to_" + CellValues.ColumnOf(field[(dot + 1)..])
            : field == "shipTos" ? "ship_to_line1" : CellValues.ColumnOf(field);
}
