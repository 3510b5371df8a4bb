using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orderly.Data.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> b)
    {
        b.ToTable("events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Type).HasMaxLength(40);
        b.Property(e => e.BizStep).HasMaxLength(40);
        b.Property(e => e.EntityType).HasMaxLength(40);
        b.Property(e => e.EntityKey).HasMaxLength(100);
        b.Property(e => e.SiteCode).HasMaxLength(20);
        b.HasIndex(e => new { e.OrderId, e.Id });
    }
}
