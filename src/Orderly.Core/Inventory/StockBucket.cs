using Orderly.Core.Definitions;

namespace Orderly.Core.Inventory;

/// <summary>Where a quantity of stock is: one item, in one status, at one location of one site.</summary>
public readonly record struct StockBucket(long SiteId, long LocationId, long ItemId, InventoryStatus Status);
