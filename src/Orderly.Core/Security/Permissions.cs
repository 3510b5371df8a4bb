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

    public static IReadOnlyList<string> All { get; } =
        [MasterDataRead, MasterDataWrite, InventoryRead, InventoryReceive, InventoryMove, InventoryAdjust, AuditRead];

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);
}
