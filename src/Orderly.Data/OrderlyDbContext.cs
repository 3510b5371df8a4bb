using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Orderly.Core.Inventory;
using Orderly.Core.MasterData;
using Orderly.Core.Orders;
using Orderly.Core.Policies;
using Orderly.Data.Events;
using Orderly.Data.Orders;
using Orderly.Data.Warehouse;
using Orderly.Core.Warehouse;
using Orderly.Core.Exceptions;
using Orderly.Data.Audit;
using Orderly.Data.Inventory;
using Orderly.Data.Security;
using Orderly.Data.Storage;

namespace Orderly.Data;

/// <summary>
/// The one data model of Orderly. It has a subclass per database provider only so that each
/// provider keeps its own migrations; the model itself is the same on both.
/// </summary>
public abstract class OrderlyDbContext(DbContextOptions options) : IdentityDbContext<OrderlyUser>(options), IDataProtectionKeyContext
{
    public DbSet<Item> Items => Set<Item>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<MovementRecord> Movements => Set<MovementRecord>();
    public DbSet<StockBalance> Balances => Set<StockBalance>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<LineAllocation> LineAllocations => Set<LineAllocation>();
    public DbSet<OrderDecisionRecord> OrderDecisions => Set<OrderDecisionRecord>();
    public DbSet<PolicyValue> PolicyValues => Set<PolicyValue>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<Wave> Waves => Set<Wave>();
    public DbSet<PickTask> PickTasks => Set<PickTask>();
    public DbSet<Container> Containers => Set<Container>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<CarrierEventRecord> CarrierEvents => Set<CarrierEventRecord>();
    public DbSet<WorkException> Exceptions => Set<WorkException>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyKeys => Set<Idempotency.IdempotencyRecord>();

    /// <summary>The key ring that protects sign-in cookies and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OrderlyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}
