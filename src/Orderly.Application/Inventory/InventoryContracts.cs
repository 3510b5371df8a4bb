using Orderly.Core.Definitions;
using Orderly.Data.Inventory;
using Orderly.Application.Access;

namespace Orderly.Application.Inventory;

/// <summary>The stock of one item at one site, by status, in the item's base unit.</summary>
public sealed record BalanceResponse(
    string Site,
    string Sku,
    string BaseUnit,
    decimal OnHand,
    decimal Available,
    IReadOnlyDictionary<string, decimal> Statuses);

public sealed record BucketSide(string Location, InventoryStatus Status);

/// <summary>One ledger movement as the API shows it.</summary>
public sealed record MovementResponse(
    long Id,
    DateTimeOffset At,
    string Kind,
    string Site,
    string Sku,
    decimal Quantity,
    string BaseUnit,
    BucketSide? From,
    BucketSide? To,
    string? Reason,
    string? Reference,
    string Actor)
{
    public static MovementResponse Of(MovementRecord m, string site, string sku, string baseUnit, IReadOnlyDictionary<long, string> locationCodes) => new(
        m.Id, m.At, m.Kind.ToString().ToLowerInvariant(), site, sku, m.Quantity.Value, baseUnit,
        m.FromLocationId is { } from ? new BucketSide(locationCodes[from], m.FromStatus!.Value) : null,
        m.ToLocationId is { } to ? new BucketSide(locationCodes[to], m.ToStatus!.Value) : null,
        m.ReasonCode, m.Reference, m.Actor);
}

/// <summary>Stock arriving from outside (a supplier delivery, an opening balance transfer).</summary>
public sealed record ReceiptRequest(string? Site, string? Location, string? Sku, decimal? Quantity, string? Unit, string? Status, string? Reference);

/// <summary>A counted correction. <c>delta</c> is signed: positive adds stock, negative removes it. A reason code is required.</summary>
public sealed record AdjustmentRequest(string? Site, string? Location, string? Sku, decimal? Delta, string? Unit, string? Status, string? Reason, string? Reference);

public sealed record MoveSide(string? Location, string? Status);

/// <summary>Stock moved within a site: to another location, another status (e.g. into quarantine), or both.</summary>
public sealed record MoveRequest(string? Site, string? Sku, decimal? Quantity, string? Unit, MoveSide? From, MoveSide? To, string? Reference);
