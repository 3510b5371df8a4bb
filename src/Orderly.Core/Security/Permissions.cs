namespace Orderly.Core.Security;

/// <summary>
/// What a caller may do. Roles grant permissions; an API token carries a subset of its user's.
/// Every endpoint names the one permission it needs.
/// </summary>
public static class Permissions
{
    public const string MasterDataRead = "masterdata:read";
    public const string MasterDataWrite = "masterdata:write";
    public const string InventoryRead = "inventory:read";
    public const string InventoryReceive = "inventory:receive";
    public const string InventoryMove = "inventory:move";
    public const string InventoryAdjust = "inventory:adjust";
    public const string AuditRead = "audit:read";
    public const string OrdersRead = "orders:read";
    public const string OrdersCapture = "orders:capture";
    public const string OrdersCancel = "orders:cancel";
    public const string OrdersRush = "orders:rush";
    public const string CreditRelease = "orders:release-credit";
    public const string EventsRead = "events:read";
    public const string WavesRelease = "warehouse:release";
    public const string Pick = "warehouse:pick";
    public const string Pack = "warehouse:pack";
    public const string Ship = "warehouse:ship";
    public const string AccessManage = "access:manage";

    public static IReadOnlyList<string> All { get; } =
        [MasterDataRead, MasterDataWrite, InventoryRead, InventoryReceive, InventoryMove, InventoryAdjust, AuditRead,
         OrdersRead, OrdersCapture, OrdersCancel, OrdersRush, CreditRelease, EventsRead, WavesRelease, Pick, Pack, Ship, AccessManage];

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);
}
