using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Data.Storage;

namespace Orderly.Data.Security;

internal sealed class UserConfiguration : IEntityTypeConfiguration<OrderlyUser>
{
    public void Configure(EntityTypeBuilder<OrderlyUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Sites).HasConversion<SiteScopeConverter>().HasMaxLength(2000);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.Property(t => t.SecretHash).HasMaxLength(64);
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasIndex(t => new { t.UserId, t.Name }).IsUnique();
        b.Property(t => t.Permissions).HasMaxLength(1000);
        b.Property(t => t.Sites).HasConversion<SiteScopeConverter>().HasMaxLength(2000);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
