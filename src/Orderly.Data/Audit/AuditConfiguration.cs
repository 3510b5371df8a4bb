using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orderly.Data.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(a => a.Id);
        b.Property(a => a.Actor).HasMaxLength(300);
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.EntityType).HasMaxLength(40);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        b.Property(a => a.SiteCode).HasMaxLength(20);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.CorrelationId).HasMaxLength(100);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}
