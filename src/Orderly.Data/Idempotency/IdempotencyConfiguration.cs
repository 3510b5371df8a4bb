using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orderly.Data.Idempotency;

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(r => r.Id);
        b.Property(r => r.Caller).HasMaxLength(300);
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
    }
}
