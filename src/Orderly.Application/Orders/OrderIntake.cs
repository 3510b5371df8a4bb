using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Access;
using Orderly.Application.MasterData;
using Orderly.Application.Policies;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Policies;
using Orderly.Core.Security;
using Orderly.Core.Validation;
using Orderly.Data;
using Orderly.Data.Storage;

namespace Orderly.Application.Orders;

/// <summary>A canonical order that passed validation, with its references resolved.</summary>
public sealed record OrderDraft(
    OrderChannel Channel,
    string ExternalRef,
    Customer Customer,
    Site HomeSite,
    ShipToAddress ShipTo,
    DateOnly? RequestedDate,
    OrderPriority Priority,
    IReadOnlyList<DraftLine> Lines)
{
    /// <summary>A new order for each attempt to save it (a retried attempt must not reuse tracked entities).</summary>
    public Order ToOrder(DateTimeOffset now) => new(Channel, ExternalRef, Customer.Id, Customer.AccountNumber, HomeSite.Id, ShipTo,
        RequestedDate, Priority, Lines.Select(l => new OrderLine(l.Number, l.ItemId, l.Sku, l.RequestedQuantity, l.Unit, l.Quantity)),
        Customer.CreditHold, now);
}

/// <summary>A validated order line: the item, and the quantity as requested and in base units.</summary>
public sealed record DraftLine(int Number, long ItemId, string Sku, decimal RequestedQuantity, string Unit, Quantity Quantity);

/// <summary>
/// The one validation pipeline every channel's orders pass, with the same messages: the API,
/// the batch endpoint, file imports and the customer-service form all call it. Errors are keyed
/// by JSON path (<c>lines[2].quantity</c>) so a file import can turn them into row and column.
/// </summary>
public sealed class OrderIntake(OrderlyDbContext db, ReferenceData reference, PolicyStore policies, TimeProvider clock)
{
    public const int MaxLines = 500;
    public const decimal MaxQuantity = 1_000_000;
    public const int ExternalRefMaxLength = 64;

    // Compiled once: every capture asks, and EF would otherwise rebuild and look up the query's plan each time.
    private static readonly CompiledQuery<Func<OrderlyDbContext, string, CancellationToken, Task<Customer?>>> CustomerByAccount = new(() =>
        EF.CompileAsyncQuery((OrderlyDbContext db, string account, CancellationToken _) =>
            db.Customers.AsNoTracking().Include(c => c.HomeSite).SingleOrDefault(c => c.AccountNumber == account)));

    public async Task<(OrderDraft? Draft, FieldErrors Errors)> ValidateAsync(CaptureOrderRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var channel = ParseChannel(request.Channel, errors);
        var externalRef = request.ExternalRef?.Trim() ?? "";
        if (externalRef.Length == 0) errors.Add("externalRef", "An external reference (the customer's PO or the channel's id) is required.");
        else if (externalRef.Length > ExternalRefMaxLength) errors.Add("externalRef", $"An external reference has at most {ExternalRefMaxLength} characters.");
        var priority = ParsePriority(request.Priority, errors);

        var (customer, homeSite) = await FindCustomerAsync(request.Customer, actor, errors, cancellationToken);
        var shipTo = ResolveShipTo(request.ShipTo, customer, errors);
        var requestedDate = ParseRequestedDate(request.RequestedDate, homeSite, errors);
        var lines = await ParseLinesAsync(request.Lines, errors, cancellationToken);

        if (priority == OrderPriority.Rush && customer is not null && homeSite is not null)
            await CheckRushAllowedAsync(actor, customer, homeSite, errors, cancellationToken);

        if (!errors.IsEmpty || customer is null || homeSite is null || shipTo is null) return (null, errors);
        return (new OrderDraft(channel!.Value, externalRef, customer, homeSite, shipTo, requestedDate, priority, lines), errors);
    }

    private static OrderChannel? ParseChannel(string? text, FieldErrors errors)
    {
        if (Enum.TryParse<OrderChannel>(text?.Trim(), ignoreCase: true, out var channel) && Enum.IsDefined(channel) && !int.TryParse(text, out _))
            return channel;
        errors.Add("channel", $"'{text}' is not a channel; use one of: api, edi, portal, phone, upload.");
        return null;
    }

    private static OrderPriority ParsePriority(string? text, FieldErrors errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "standard": return OrderPriority.Standard;
            case "rush": return OrderPriority.Rush;
            default:
                errors.Add("priority", $"'{text}' is not a priority; use standard or rush.");
                return OrderPriority.Standard;
        }
    }

    private async Task<(Customer?, Site?)> FindCustomerAsync(string? account, Actor actor, FieldErrors errors, CancellationToken cancellationToken)
    {
        var key = account?.Trim().ToUpperInvariant() ?? "";
        if (key.Length == 0)
        {
            errors.Add("customer", "A customer account number is required.");
            return (null, null);
        }
        var found = await CustomerByAccount.For(db)(db, key, cancellationToken);
        if (found is null || !actor.Reaches(found.HomeSite!.Code))
        {
            errors.Add("customer", $"There is no customer '{key}' that you may order for.");
            return (null, null);
        }
        if (found.Blocked)
        {
            errors.Add("customer", $"Customer {key} is blocked; orders for it are refused. Finance can say why.");
            return (null, null);
        }
        return (found, found.HomeSite);
    }

    private static ShipToAddress? ResolveShipTo(ShipToAddress? given, Customer? customer, FieldErrors errors)
    {
        if (customer is null) return null;
        if (given is null) return customer.DefaultShipTo;
        var shipToErrors = new FieldErrors();
        (given with { IsDefault = false, Code = string.IsNullOrWhiteSpace(given.Code) ? "ORDER" : given.Code }).Validate(shipToErrors, "shipTo");
        errors.Merge("", shipToErrors);
        return shipToErrors.IsEmpty ? given with { IsDefault = false, Code = string.IsNullOrWhiteSpace(given.Code) ? "ORDER" : given.Code } : null;
    }

    private DateOnly? ParseRequestedDate(string? text, Site? homeSite, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("requestedDate", $"'{text}' is not a date as yyyy-MM-dd, e.g. 2026-12-01.");
            return null;
        }
        var today = SiteToday(homeSite);
        if (date < today) errors.Add("requestedDate", $"{date:yyyy-MM-dd} is in the past; the earliest is today, {today:yyyy-MM-dd}.");
        else if (date > today.AddYears(1)) errors.Add("requestedDate", "A requested date is at most a year ahead.");
        return date;
    }

    /// <summary>Today in the site's own time zone: a Phoenix branch's day is not New York's.</summary>
    public DateOnly SiteToday(Site? site)
    {
        var now = clock.GetUtcNow();
        var zone = site is not null && TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    private async Task<List<DraftLine>> ParseLinesAsync(IReadOnlyList<OrderLineRequest>? lines, FieldErrors errors, CancellationToken cancellationToken)
    {
        var result = new List<DraftLine>();
        if (lines is null || lines.Count == 0)
        {
            errors.Add("lines", "An order has at least one line.");
            return result;
        }
        if (lines.Count > MaxLines)
        {
            errors.Add("lines", $"An order has at most {MaxLines} lines; this one has {lines.Count}. Split it.");
            return result;
        }

        var skus = lines.Select(l => l?.Sku?.Trim().ToUpperInvariant()).OfType<string>().Distinct().ToList();
        var items = await reference.ItemsBySkuAsync(skus, cancellationToken);
        var seenNumbers = new Dictionary<int, int>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var field = $"lines[{index}]";
            if (line is null)
            {
                errors.Add(field, "A line is required here, not null.");
                continue;
            }
            var number = line.Line ?? index + 1;
            if (line.Line is < 1 or > 9999) errors.Add($"{field}.line", "A line number is between 1 and 9999.");
            else if (!seenNumbers.TryAdd(number, index)) errors.Add($"{field}.line", $"Line number {number} is also used by lines[{seenNumbers[number]}].");

            if (!Sku.TryParse(line.Sku, out var sku, out var skuError))
            {
                errors.Add($"{field}.sku", skuError);
                continue;
            }
            if (!items.TryGetValue(sku.Value, out var item))
            {
                errors.Add($"{field}.sku", $"There is no item with SKU '{sku}'.");
                continue;
            }
            if (!item.Active || !item.Sellable)
            {
                errors.Add($"{field}.sku", $"Item {sku} is not {(item.Active ? "sellable" : "active")} and cannot be ordered.");
                continue;
            }
            if (line.Quantity is null)
            {
                errors.Add($"{field}.quantity", "A quantity is required.");
                continue;
            }
            if (!item.TryResolveUnit(line.Uom, out var unit, out var unitError))
            {
                errors.Add($"{field}.uom", unitError);
                continue;
            }
            if (line.Quantity > MaxQuantity)
            {
                errors.Add($"{field}.quantity", $"{line.Quantity} is more than the most one line may order ({MaxQuantity:N0}).");
                continue;
            }
            if (!item.TryToBase(line.Quantity.Value, unit, out var quantity, out var quantityError))
            {
                errors.Add($"{field}.quantity", quantityError);
                continue;
            }
            result.Add(new DraftLine(number, item.Id, item.Sku, line.Quantity.Value, unit, quantity));
        }
        return result;
    }

    private async Task CheckRushAllowedAsync(Actor actor, Customer customer, Site homeSite, FieldErrors errors, CancellationToken cancellationToken)
    {
        var decision = PolicyResolver.Resolve(PolicyRegister.Get(PolicyKeys.PriorityOverride), await policies.ValuesAsync(cancellationToken),
            new PolicyContext(customer.AccountNumber, customer.Segment, homeSite.Code, homeSite.Region), clock.GetUtcNow());
        var allowed = decision.Value switch
        {
            PolicyKeys.AnyAgent => true,
            PolicyKeys.SupervisorOnly => actor.Can(Permissions.OrdersRush),
            _ => false,
        };
        if (!allowed) errors.Add("priority", $"You may not capture a rush order. {decision.Explain()}");
    }
}
