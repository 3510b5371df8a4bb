using System.Globalization;
using Orderly.Application.Access;
using Orderly.Application.Outcomes;
using Orderly.Core.Orders;
using Orderly.Core.Validation;

namespace Orderly.Application.Orders.Import;

/// <summary>What an import did: orders created, found already captured, and rejected, with every error by row and column.</summary>
public sealed record ImportOutcome(int Orders, int Created, int Existing, int Rejected, IReadOnlyList<string> Errors);

/// <summary>
/// Imports an order file through the same capture path as the API: rows are grouped into orders by
/// external reference, each order is validated by <see cref="OrderIntake"/> (same rules, same
/// messages) and captured on its own. Every error names the file row and column it came from.
/// </summary>
public sealed class OrderImport(OrderCapture capture)
{
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["externalRef"] = "external_ref",
        ["customer"] = "customer",
        ["requestedDate"] = "requested_date",
        ["priority"] = "priority",
        ["channel"] = "external_ref",
        ["lines"] = "sku",
        ["line"] = "line",
        ["sku"] = "sku",
        ["quantity"] = "quantity",
        ["uom"] = "uom",
    };

    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<OrderFileRow> rows, OrderChannel channel, Actor actor,
        Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var row in rows.Where(r => r.Get("external_ref").Length == 0))
            errors.Add($"row {row.Row}, column external_ref: an external reference is required; rows with the same one form an order.");
        var groups = rows.Where(r => r.Get("external_ref").Length > 0).GroupBy(r => r.Get("external_ref"), StringComparer.Ordinal).ToList();
        int created = 0, existing = 0, rejected = errors.Count > 0 ? 1 : 0, done = 0;
        foreach (var group in groups)
        {
            var orderRows = group.ToList();
            var (request, rowErrors) = ToRequest(orderRows, channel);
            if (rowErrors.Count == 0)
            {
                var outcome = await capture.SubmitAsync(request, actor, cancellationToken);
                if (outcome.Succeeded)
                {
                    if (outcome.Value.Created) created++;
                    else existing++;
                }
                else if (outcome.Refusal.Errors is { } fieldErrors) rowErrors.AddRange(Locate(fieldErrors, orderRows));
                else rowErrors.Add($"row {orderRows[0].Row}, column external_ref: '{request.ExternalRef}' belongs to another customer's order.");
            }
            if (rowErrors.Count > 0)
            {
                rejected++;
                errors.AddRange(rowErrors.Select(e => $"{e} (order {group.Key})"));
            }
            progress?.Invoke(++done, groups.Count);
        }
        return new ImportOutcome(groups.Count, created, existing, rejected, errors);
    }

    private static (CaptureOrderRequest Request, List<string> Errors) ToRequest(List<OrderFileRow> rows, OrderChannel channel)
    {
        var errors = new List<string>();
        var first = rows[0];
        foreach (var column in new[] { "customer", "requested_date", "priority" })
            foreach (var row in rows.Skip(1).Where(r => r.Get(column).Length > 0 && r.Get(column) != first.Get(column)))
                errors.Add($"row {row.Row}, column {column}: '{row.Get(column)}' differs from '{first.Get(column)}' in row {first.Row} of the same order.");
        var lines = new List<OrderLineRequest>();
        foreach (var row in rows)
        {
            int? line = null;
            if (row.Get("line").Length > 0)
            {
                if (int.TryParse(row.Get("line"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) line = number;
                else errors.Add($"row {row.Row}, column line: '{row.Get("line")}' is not a whole number.");
            }
            decimal? quantity = null;
            if (row.Get("quantity").Length > 0)
            {
                if (decimal.TryParse(row.Get("quantity"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) quantity = value;
                else errors.Add($"row {row.Row}, column quantity: '{row.Get("quantity")}' is not a number (use a dot for decimals).");
            }
            lines.Add(new OrderLineRequest(line, row.Get("sku"), quantity, NullIfEmpty(row.Get("uom"))));
        }
        var request = new CaptureOrderRequest(channel.ToString().ToLowerInvariant(), first.Get("external_ref"), first.Get("customer"), null,
            NullIfEmpty(first.Get("requested_date")), NullIfEmpty(first.Get("priority")), lines);
        return (request, errors);
    }

    /// <summary>Turns "lines[2].quantity: message" into "row 14, column quantity: message".</summary>
    private static IEnumerable<string> Locate(FieldErrors errors, List<OrderFileRow> rows)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var row = rows[0].Row;
            var name = field;
            if (field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var close and > 6
                && int.TryParse(field[6..close], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < rows.Count)
            {
                row = rows[index].Row;
                name = field[(close + 1)..].TrimStart('.');
            }
            var column = ColumnOfField.GetValueOrDefault(name, name);
            foreach (var message in messages) yield return $"row {row}, column {column}: {message}";
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
