using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Core.MasterData;
using Orderly.Data.Storage;

namespace Orderly.Data.MasterData;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Sku).HasMaxLength(Sku.MaxLength);
        b.HasIndex(i => i.Sku).IsUnique();
        b.Property(i => i.Gtin).HasConversion<GtinConverter>().HasMaxLength(14);
        b.HasIndex(i => i.Gtin).IsUnique();
        b.Property(i => i.Description).HasMaxLength(ItemDetails.MaxDescriptionLength);
        b.Property(i => i.BaseUnit).HasMaxLength(UnitConversion.MaxUnitLength);
        b.Property(i => i.WeightKg).HasPrecision(12, 3);
        b.Property(i => i.Conversions)
            .HasField("_conversions")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new JsonListConverter<UnitConversion>(), new JsonListComparer<UnitConversion>());
        b.Property(i => i.Substitutes)
            .HasField("_substitutes")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new JsonListConverter<string>(), new JsonListComparer<string>())
            .HasMaxLength(1000);
        b.Ignore(i => i.Details);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Code).HasMaxLength(Site.CodeMaxLength);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Region).HasMaxLength(50);
        b.Property(s => s.TimeZone).HasMaxLength(60);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Gln).HasConversion<GlnConverter>().HasMaxLength(13);
        b.HasIndex(s => s.Gln).IsUnique();
        b.Ignore(s => s.Details);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Code).HasMaxLength(Location.CodeMaxLength);
        b.HasIndex(l => new { l.SiteId, l.Code }).IsUnique();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.Description).HasMaxLength(100);
        b.HasOne(l => l.Site).WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(l => l.Details);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.AccountNumber).HasMaxLength(Customer.AccountMaxLength);
        b.HasIndex(c => c.AccountNumber).IsUnique();
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Name);
        b.Property(c => c.Segment).HasMaxLength(40);
        b.HasOne(c => c.HomeSite).WithMany().HasForeignKey(c => c.HomeSiteId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.ShipTos)
            .HasField("_shipTos")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new JsonListConverter<ShipToAddress>(), new JsonListComparer<ShipToAddress>());
        b.Ignore(c => c.Details);
        b.Ignore(c => c.DefaultShipTo);
    }
}
