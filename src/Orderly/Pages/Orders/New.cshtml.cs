using Orderly.Api;
using Orderly.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Definitions;
using Orderly.Core.Security;
using Orderly.Data;
using Orderly.Hosting;
using Orderly.MasterData;
using Orderly.Orders;
using Orderly.Security;
using Orderly.Application.Orders;
using Orderly.Application.Paging;

namespace Orderly.Pages.Orders;

/// <summary>
/// The customer-service order form. It sends the canonical order through the same intake as the
/// API, so it shows the same messages; a reference generated when the form is shown makes a
/// double-submitted form capture one order.
/// </summary>
[Authorize(Policy = Permissions.OrdersCapture)]
[EnableRateLimiting(CaptureLimits.Policy)]
// Three values a line, for as many lines as an order may have, and the order's own fields: the
// default of 1,024 form values would refuse a form past about 336 rows.
[RequestFormLimits(ValueCountLimit = 3 * OrderIntake.MaxLines + 64)]
public sealed class NewModel(OrderCapture capture, OrderlyDbContext db, Actor actor) : PageModel
{
    /// <summary>Empty line rows the form shows, and adds at each "more lines".</summary>
    public const int LineRows = 6;

    private int _rows = LineRows;

    /// <summary>The row that gets the focus: the first of the rows just added.</summary>
    public int? FocusRow { get; private set; }

    [BindProperty] public string? Customer { get; set; }
    [BindProperty] public string? ExternalRef { get; set; }
    [BindProperty] public string? FormRef { get; set; }
    [BindProperty] public string? RequestedDate { get; set; }
    [BindProperty] public string? Priority { get; set; }
    [BindProperty] public List<OrderLineRequest> Lines { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Lookup { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<(string Account, string Name, string Site)> Customers { get; private set; } = [];
    public IReadOnlyList<(string Sku, string Description, string Unit, IReadOnlyList<(string Site, decimal Available)> Stock)> Found { get; private set; } = [];

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormRef = "CS-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Empty rows of the form are not lines; the rest keep their row number for the messages.
        var rows = Lines.Select((line, row) => (line, row)).Where(l => !string.IsNullOrWhiteSpace(l.line.Sku) || l.line.Quantity is not null).ToList();
        var lines = rows.Select(r => r.line).ToList();
        var request = new CaptureOrderRequest("phone", string.IsNullOrWhiteSpace(ExternalRef) ? FormRef : ExternalRef.Trim(), Customer, null,
            string.IsNullOrWhiteSpace(RequestedDate) ? null : RequestedDate, Priority, lines);
        var outcome = await capture.SubmitAsync(request, actor, cancellationToken);
        if (outcome.Refusal is { Errors: { } errors })
        {
            Errors = errors.ToDictionary().ToDictionary(
                e => System.Text.RegularExpressions.Regex.Replace(e.Key, @"^lines\[(\d+)\]", m => $"lines[{rows[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].row}]"),
                e => e.Value, StringComparer.Ordinal);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!outcome.Succeeded)
        {
            Errors = new Dictionary<string, string[]> { [outcome.Refusal.Field ?? "externalRef"] = [outcome.Refusal.Detail] };
            await LoadAsync(cancellationToken);
            Response.StatusCode = outcome.Refusal.StatusCode();
            return Page();
        }
        return Redirect($"/orders/{outcome.Value.Order.Id}");
    }

    /// <summary>How many rows "more lines" adds now: six, or what is left of an order's 500 lines.</summary>
    public int RowsToAdd => Math.Min(LineRows, OrderIntake.MaxLines - Lines.Count);

    /// <summary>The address "more lines" posts to, reached by a GET (a reload, or sign-in sending the user back): the empty form.</summary>
    public IActionResult OnGetMoreLines() => RedirectToPage();

    /// <summary>
    /// Six more empty line rows, for an order longer than the form: what was typed stays, nothing is
    /// captured or checked yet. Up to the 500 lines an order may have.
    /// </summary>
    public async Task<IActionResult> OnPostMoreLinesAsync(CancellationToken cancellationToken)
    {
        FocusRow = Lines.Count < OrderIntake.MaxLines ? Lines.Count : null;
        _rows = Math.Min(Lines.Count + LineRows, OrderIntake.MaxLines);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Lines.Count > OrderIntake.MaxLines) Lines.RemoveRange(OrderIntake.MaxLines, Lines.Count - OrderIntake.MaxLines);
        while (Lines.Count < _rows) Lines.Add(new OrderLineRequest(null, null, null, null));
        var sites = db.Sites.AsNoTracking().InScope(User.SiteScope());
        Customers = (await db.Customers.AsNoTracking().Where(c => !c.Blocked)
                .Join(sites, c => c.HomeSiteId, s => s.Id, (c, s) => new { c.AccountNumber, c.Name, s.Code })
                .OrderBy(c => c.AccountNumber).ToListAsync(cancellationToken))
            .Select(c => (c.AccountNumber, c.Name, c.Code)).ToList();
        if (string.IsNullOrWhiteSpace(Lookup)) return;

        var term = Lookup.Trim();
        var upper = term.ToUpperInvariant();
        var lower = term.ToLowerInvariant();
        var items = await db.Items.AsNoTracking().Where(i => i.Active && i.Sellable && (i.Sku.StartsWith(upper) || i.Description.ToLower().Contains(lower)))
            .OrderBy(i => i.Sku).Take(15).Select(i => new { i.Id, i.Sku, i.Description, i.BaseUnit }).ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var stock = await (from b in db.Balances.AsNoTracking()
                           join s in sites on b.SiteId equals s.Id
                           where ids.Contains(b.ItemId) && b.Status == InventoryStatus.Available && b.QuantityMilli > 0
                           group b by new { b.ItemId, s.Code } into g
                           select new { g.Key.ItemId, g.Key.Code, Milli = g.Sum(b => b.QuantityMilli) }).ToListAsync(cancellationToken);
        Found = items.Select(i => (i.Sku, i.Description, i.BaseUnit,
            (IReadOnlyList<(string, decimal)>)stock.Where(s => s.ItemId == i.Id).OrderBy(s => s.Code).Select(s => (s.Code, s.Milli / 1000m)).ToList())).ToList();
    }
}
