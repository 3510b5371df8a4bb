using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Core.Policies;

namespace Orderly.Data.Policies;

internal sealed class PolicyValueConfiguration : IEntityTypeConfiguration<PolicyValue>
{
    public void Configure(EntityTypeBuilder<PolicyValue> b)
    {
        b.ToTable("policy_values");
        b.HasKey(v => v.Id);
        b.Ignore(v => v.Decision);
        b.Property(v => v.Key).HasMaxLength(40);
        b.Property(v => v.Scope).HasConversion<string>().HasMaxLength(12);
        b.Property(v => v.ScopeValue).HasMaxLength(40);
        b.Property(v => v.Value).HasMaxLength(40);
        b.Property(v => v.ApprovedBy).HasMaxLength(100);
        b.Property(v => v.Justification).HasMaxLength(500);
        b.HasIndex(v => new { v.Key, v.Scope, v.ScopeValue, v.Version }).IsUnique();
    }
}
