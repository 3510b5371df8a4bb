using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orderly.Application.Allocation;
using Orderly.Application.Audit;
using Orderly.Application.Demo;
using Orderly.Application.Events;
using Orderly.Application.Import;
using Orderly.Application.Inventory;
using Orderly.Application.MasterData;
using Orderly.Application.Orders;
using Orderly.Application.Orders.Import;
using Orderly.Application.Policies;
using Orderly.Application.Security;
using Orderly.Application.Warehouse;
using Orderly.Data;
using Orderly.Data.Inventory;
using Orderly.Data.Security;
using Orderly.Data.Storage;

namespace Orderly.Application;

/// <summary>
/// Registers each capability's services: a host (the server, the command line, a test) calls
/// <see cref="AddOrderlyCore"/> and then the capabilities it serves. A new capability is a folder
/// here with its <c>AddX()</c>, and one line where the hosts call it.
/// </summary>
public static class CapabilityRegistration
{
    /// <summary>What every capability stands on: the database, the clock, the audit trail, the event log and the reference data.</summary>
    public static IServiceCollection AddOrderlyCore(this IServiceCollection services, DatabaseSettings database, TimeProvider clock)
    {
        services.TryAddSingleton(clock);
        services.AddOrderlyData(database);
        services.AddScoped<LedgerStore>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<EventLog>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<PolicyStore>();
        return services;
    }

    /// <summary>Users, roles and API tokens, with Identity's stores in Orderly's database and its password rules.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddIdentityCore<OrderlyUser>(OrderlyIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddOrderlyStores();
        services.AddScoped<AccessAdministration>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddScoped<AllocationService>();
        services.AddScoped<BackorderReallocation>();
        services.AddScoped<OrderIntake>();
        services.AddScoped<OrderCapture>();
        services.AddScoped<OrderReader>();
        services.AddScoped<OrderChanges>();
        services.AddScoped<OrderImport>();
        return services;
    }

    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddScoped<StockPostings>();
        services.AddScoped<ItemImport>();
        services.AddScoped<CustomerImport>();
        services.AddScoped<StockImport>();
        return services;
    }

    /// <summary>Waves, picking, packing and shipping; <c>Orderly:Gs1CompanyPrefix</c> is checked when the host starts.</summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Gs1Options>().Bind(configuration.GetSection(Gs1Options.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Gs1Options>, Gs1Options.Validator>();
        services.AddScoped<WaveRelease>();
        services.AddScoped<PickConfirmation>();
        services.AddScoped<Shipping>();
        return services;
    }
}
