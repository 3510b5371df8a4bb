using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
        b.Property(m => m.FromStatus).HasConversion(new NullableStatusConverter()).HasMaxLength(12);
        b.Property(m => m.ToStatus).HasConversion(new NullableStatusConverter()).HasMaxLength(12);
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
        b.Property(x => x.Status).HasConversion(new StatusConverter()).HasMaxLength(12);
        b.Ignore(x => x.Quantity);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ItemId, x.SiteId });
    }
}

/// <summary>
/// Statuses are stored by their vocabulary code (<c>available</c>), readable in SQL. Converter
/// classes rather than lambdas over a private helper, so the compiled model can construct them.
/// </summary>
internal sealed class StatusConverter() : ValueConverter<InventoryStatus, string>(s => InventoryStatuses.Code(s), code => StoredStatus.Parse(code));

/// <summary>A status that may be absent (a movement's from- or to-status), stored by its code or as null.</summary>
internal sealed class NullableStatusConverter() : ValueConverter<InventoryStatus?, string?>(
    s => s == null ? null : InventoryStatuses.Code(s.Value), code => code == null ? null : StoredStatus.Parse(code));

/// <summary>A stored status code read back; a code outside the vocabulary is corrupt data, not user input.</summary>
public static class StoredStatus
{
    public static InventoryStatus Parse(string code) =>
        InventoryStatuses.TryParse(code, out var status, out var error) ? status : throw new InvalidOperationException(error);
}
