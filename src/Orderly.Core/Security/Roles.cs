namespace Orderly.Core.Security;

/// <summary>The roles people and systems act in. Each grants a fixed set of <see cref="Permissions"/>.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Executive = "Executive";
    public const string Pmo = "PMO";
    public const string CommandCenter = "CommandCenter";
    public const string Supervisor = "Supervisor";
    public const string Picker = "Picker";
    public const string CustomerService = "CustomerService";
    public const string Planner = "Planner";
    public const string Transport = "Transport";
    public const string Finance = "Finance";

    public static IReadOnlyList<string> All { get; } =
        [Admin, Executive, Pmo, CommandCenter, Supervisor, Picker, CustomerService, Planner, Transport, Finance];

    private static readonly string[] ReadOnly = [Permissions.MasterDataRead, Permissions.InventoryRead, Permissions.OrdersRead];

    private static readonly Dictionary<string, string[]> Grants = new(StringComparer.OrdinalIgnoreCase)
    {
        [Admin] = [.. Permissions.All],
        [Executive] = [.. ReadOnly, Permissions.EventsRead],
        [Pmo] = [.. ReadOnly, Permissions.EventsRead],
        [CommandCenter] = [.. ReadOnly, Permissions.EventsRead],
        [Supervisor] = [.. ReadOnly, Permissions.InventoryReceive, Permissions.InventoryMove, Permissions.InventoryAdjust,
            Permissions.OrdersCapture, Permissions.OrdersCancel, Permissions.OrdersRush,
            Permissions.WavesRelease, Permissions.Pick, Permissions.Pack, Permissions.Ship],
        [Picker] = [.. ReadOnly, Permissions.InventoryMove, Permissions.Pick, Permissions.Pack],
        [CustomerService] = [.. ReadOnly, Permissions.OrdersCapture, Permissions.OrdersCancel],
        [Planner] = [.. ReadOnly, Permissions.MasterDataWrite],
        [Transport] = [.. ReadOnly, Permissions.Ship],
        [Finance] = [.. ReadOnly, Permissions.CreditRelease],
    };

    public static bool TryNormalize(string? text, out string role)
    {
        role = All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return role.Length > 0;
    }

    public static IReadOnlyList<string> PermissionsOf(string role) =>
        Grants.TryGetValue(role, out var granted) ? granted : [];
}
