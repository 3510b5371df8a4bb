using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Core.Exceptions;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Warehouse;
using Orderly.Data.Storage;

namespace Orderly.Data.Warehouse;

internal sealed class WaveConfiguration : IEntityTypeConfiguration<Wave>
{
    public void Configure(EntityTypeBuilder<Wave> b)
    {
        b.HasKey(w => w.Id);
        b.Property(w => w.ReleasedBy).HasMaxLength(300);
        b.HasOne<Site>().WithMany().HasForeignKey(w => w.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PickTaskConfiguration : IEntityTypeConfiguration<PickTask>
{
    public void Configure(EntityTypeBuilder<PickTask> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        b.Property(t => t.ConfirmedBy).HasMaxLength(300);
        b.HasOne<Wave>().WithMany().HasForeignKey(t => t.WaveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LineAllocation>().WithMany().HasForeignKey(t => t.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(t => t.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Restrict);
        // One task per allocation: a wave released twice cannot create a second.
        b.HasIndex(t => t.AllocationId).IsUnique();
        b.HasIndex(t => new { t.SiteId, t.Status, t.Sequence });
        b.Ignore(t => t.Quantity);
        b.Ignore(t => t.Picked);
        b.Ignore(t => t.Short);
    }
}

internal sealed class ContainerConfiguration : IEntityTypeConfiguration<Container>
{
    public void Configure(EntityTypeBuilder<Container> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Sscc).HasMaxLength(18);
        b.HasIndex(c => c.Sscc).IsUnique();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Shipment>().WithMany().HasForeignKey(c => c.ShipmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Lines)
            .HasField("_lines")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new JsonListConverter<ContainerLine>(), new JsonListComparer<ContainerLine>());
        b.HasIndex(c => c.OrderId);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Carrier).HasMaxLength(20);
        b.Property(s => s.Service).HasMaxLength(40);
        b.Property(s => s.TrackingNumber).HasMaxLength(40);
        b.HasIndex(s => new { s.Carrier, s.TrackingNumber }).IsUnique();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        b.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarrierEventConfiguration : IEntityTypeConfiguration<CarrierEventRecord>
{
    public void Configure(EntityTypeBuilder<CarrierEventRecord> b)
    {
        b.ToTable("carrier_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Carrier).HasMaxLength(20);
        b.Property(e => e.EventId).HasMaxLength(100);
        b.Property(e => e.TrackingNumber).HasMaxLength(40);
        b.Property(e => e.Type).HasMaxLength(20);
        // Idempotent by event id: the second delivery of the same event meets this index.
        b.HasIndex(e => new { e.Carrier, e.EventId }).IsUnique();
    }
}

internal sealed class WorkExceptionConfiguration : IEntityTypeConfiguration<WorkException>
{
    public void Configure(EntityTypeBuilder<WorkException> b)
    {
        b.ToTable("exceptions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Type).HasMaxLength(40);
        b.Property(e => e.Reference).HasMaxLength(100);
        b.Property(e => e.OwnerRole).HasMaxLength(40);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.Details).HasMaxLength(1000);
        b.HasOne<Site>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.SiteId, e.Status });
    }
}
