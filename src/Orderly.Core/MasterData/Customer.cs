using Orderly.Core.Validation;

namespace Orderly.Core.MasterData;

/// <summary>
/// A buying account, served by default from its home site. A blocked customer cannot order;
/// one on credit hold can, but its orders wait for Finance.
/// </summary>
public sealed class Customer
{
    public const int AccountMaxLength = 20;

    private List<ShipToAddress> _shipTos = [];

    private Customer() { }

    public Customer(string accountNumber, CustomerDetails details)
    {
        AccountNumber = accountNumber;
        Apply(details);
    }

    public long Id { get; private set; }
    public string AccountNumber { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The commercial segment policies may vary by (e.g. <c>contractor</c>, <c>oem</c>).</summary>
    public string Segment { get; private set; } = "";

    public long HomeSiteId { get; private set; }
    public Site? HomeSite { get; private set; }
    public IReadOnlyList<ShipToAddress> ShipTos => _shipTos;
    public bool Blocked { get; private set; }
    public bool CreditHold { get; private set; }

    public ShipToAddress DefaultShipTo => _shipTos.First(a => a.IsDefault);

    public CustomerDetails Details => new(Name, Segment, HomeSiteId, _shipTos, Blocked, CreditHold);

    public void Update(CustomerDetails details) => Apply(details);

    private void Apply(CustomerDetails details)
    {
        Name = details.Name;
        Segment = details.Segment;
        HomeSiteId = details.HomeSiteId;
        _shipTos = [.. details.ShipTos];
        Blocked = details.Blocked;
        CreditHold = details.CreditHold;
    }
}

/// <summary>Everything about a customer except the account number.</summary>
public sealed record CustomerDetails(
    string Name,
    string Segment,
    long HomeSiteId,
    IReadOnlyList<ShipToAddress> ShipTos,
    bool Blocked,
    bool CreditHold)
{
    public void Validate(FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
            errors.Add("name", "A name of 1 to 100 characters is required.");
        if (string.IsNullOrWhiteSpace(Segment) || Segment.Length > 40)
            errors.Add("segment", "A segment of 1 to 40 characters is required.");
        if (ShipTos.Count == 0)
            errors.Add("shipTos", "At least one ship-to address is required.");
        else if (ShipTos.Count(a => a.IsDefault) != 1)
            errors.Add("shipTos", "Exactly one ship-to address is the default.");
        if (ShipTos.Count > 100)
            errors.Add("shipTos", "At most 100 ship-to addresses.");
        for (var i = 0; i < ShipTos.Count; i++)
            ShipTos[i].Validate(errors, $"shipTos[{i}]");
        var duplicate = ShipTos.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            errors.Add("shipTos", $"Ship-to code '{duplicate.Key}' is used more than once.");
    }
}
