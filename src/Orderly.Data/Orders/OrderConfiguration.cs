using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Data.Storage;

namespace Orderly.Data.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Number).HasMaxLength(20);
        b.HasIndex(o => o.Number);
        b.Property(o => o.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.ExternalRef).HasMaxLength(64);
        // Capture is idempotent on (channel, external reference): the database refuses a second one.
        // The reference leads, so the same index also finds an order by its reference alone (order search).
        b.HasIndex(o => new { o.ExternalRef, o.Channel }).IsUnique();
        b.Property(o => o.CustomerAccount).HasMaxLength(Customer.AccountMaxLength);
        b.HasIndex(o => new { o.CustomerId, o.Id });
        // Order search by account, newest first: one customer's orders without reading anyone else's.
        b.HasIndex(o => new { o.CustomerAccount, o.Id });
        b.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(o => o.HomeSiteId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.ShipTo).HasConversion(new JsonValueConverter<ShipToAddress>()).HasMaxLength(2000);
        b.Property(o => o.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.Holds).HasConversion<int>();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(o => new { o.Status, o.Id });
        // A caller scoped to some sites counts the orders homed there, often by status (a branch's
        // held orders), from this index alone; it also serves the home site's foreign key.
        b.HasIndex(o => new { o.HomeSiteId, o.Status, o.Id });
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.HasKey(l => l.Id);
        b.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        b.Property(l => l.Sku).HasMaxLength(Sku.MaxLength);
        b.Property(l => l.RequestedQuantity).HasPrecision(18, 3);
        b.Property(l => l.RequestedUnit).HasMaxLength(UnitConversion.MaxUnitLength);
        b.HasOne<Item>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Restrict);
        // Backorders are found by item when stock arrives.
        b.HasIndex(l => new { l.ItemId, l.BackorderedMilli });
        b.ToTable(t => t.HasCheckConstraint("ck_order_lines_stages_add_up",
            "allocated_milli + picked_milli + packed_milli + shipped_milli + backordered_milli + cancelled_milli = quantity_milli"));
        b.HasMany(l => l.Allocations).WithOne().HasForeignKey(a => a.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Allocations).HasField("_allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(l => l.Quantity);
        b.Ignore(l => l.Allocated);
        b.Ignore(l => l.Backordered);
        b.Ignore(l => l.Cancelled);
        b.Ignore(l => l.Shipped);
        b.Ignore(l => l.Status);
    }
}

internal sealed class LineAllocationConfiguration : IEntityTypeConfiguration<LineAllocation>
{
    public void Configure(EntityTypeBuilder<LineAllocation> b)
    {
        b.HasKey(a => a.Id);
        b.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.SiteId, a.QuantityMilli });
        // The order is the line's, stored again so that a caller scoped to some sites finds the orders
        // allocated there from this index alone (VisibleOrders). The domain copies it from the line, and a
        // new order's insert sets it with the order's keys (NewOrderRows). No foreign key or check of its
        // own: the line's foreign key already ties the allocation to a stored order, a foreign key would
        // cost an index on capture's hottest insert, and adding either to the existing table would make
        // SQLite rebuild it outside a transaction.
        b.HasIndex(a => new { a.SiteId, a.OrderId });
        b.ToTable(t => t.HasCheckConstraint("ck_line_allocations_quantity_not_negative", "quantity_milli >= 0"));
        b.Ignore(a => a.Quantity);
    }
}

internal sealed class OrderDecisionConfiguration : IEntityTypeConfiguration<OrderDecisionRecord>
{
    public void Configure(EntityTypeBuilder<OrderDecisionRecord> b)
    {
        b.ToTable("order_decisions");
        b.HasKey(d => d.Id);
        b.HasOne<Order>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.OrderId, d.Id });
        b.Property(d => d.Outcome).HasMaxLength(300);
        b.Property(d => d.PolicyKey).HasMaxLength(40);
        b.Property(d => d.PolicyValue).HasMaxLength(40);
        b.Property(d => d.Scope).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.ScopeValue).HasMaxLength(40);
        b.Property(d => d.ApprovedBy).HasMaxLength(100);
        b.Property(d => d.Explanation).HasMaxLength(1000);
    }
}
