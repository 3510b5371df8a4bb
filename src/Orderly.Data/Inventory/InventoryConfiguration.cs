using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Core.Definitions;
using Orderly.Core.MasterData;

namespace Orderly.Data.Inventory;

internal sealed class MovementConfiguration : IEntityTypeConfiguration<MovementRecord>
{
    public void Configure(EntityTypeBuilder<MovementRecord> b)
    {
        b.ToTable("stock_movements");
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(12);
        b.Ignore(m => m.Quantity);
        b.Property(m => m.FromStatus).HasConversion(StatusConverter.Nullable).HasMaxLength(12);
        b.Property(m => m.ToStatus).HasConversion(StatusConverter.Nullable).HasMaxLength(12);
        b.Property(m => m.ReasonCode).HasMaxLength(30);
        b.Property(m => m.Reference).HasMaxLength(100);
        b.Property(m => m.Actor).HasMaxLength(300);
        b.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(m => m.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(m => m.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ItemId, m.SiteId, m.Id });
        b.ToTable(t => t.HasCheckConstraint("ck_stock_movements_quantity_positive", "quantity_milli > 0"));
    }
}

internal sealed class BalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> b)
    {
        b.ToTable("stock_balances", t => t.HasCheckConstraint("ck_stock_balances_quantity_not_negative", "quantity_milli >= 0"));
        b.HasKey(x => new { x.SiteId, x.LocationId, x.ItemId, x.Status });
        b.Property(x => x.Status).HasConversion(StatusConverter.Required).HasMaxLength(12);
        b.Ignore(x => x.Quantity);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ItemId, x.SiteId });
    }
}

/// <summary>Statuses are stored by their vocabulary code (<c>available</c>), readable in SQL.</summary>
internal static class StatusConverter
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<InventoryStatus, string> Required =
        new(s => InventoryStatuses.Code(s), code => Parse(code));

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<InventoryStatus?, string?> Nullable =
        new(s => s == null ? null : InventoryStatuses.Code(s.Value), code => code == null ? null : Parse(code));

    private static InventoryStatus Parse(string code) =>
        InventoryStatuses.TryParse(code, out var status, out var error) ? status : throw new InvalidOperationException(error);
}
