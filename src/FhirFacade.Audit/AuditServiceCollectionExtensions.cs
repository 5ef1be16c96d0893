using FhirFacade.Audit.Benchmarking;
using FhirFacade.Audit.Hosting;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers the durable audit trail: <see cref="AuditOptions"/> bound from the <c>Audit</c>
    /// section, the selected store as a singleton <see cref="IAuditTrail"/>,
    /// <see cref="IAuditChainReader"/> and <see cref="IAuditStore"/>, and a hosted service that
    /// creates the schema at start-up. Uses the registered <see cref="TimeProvider"/> (System by default).
    /// </summary>
    public static IServiceCollection AddFhirFacadeAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .Validate(
                o => o.Store != AuditStoreKind.Postgres || !string.IsNullOrWhiteSpace(o.PostgresConnectionString),
                "Audit:PostgresConnectionString is required when Audit:Store is Postgres.")
            .Validate(o => o.Store != AuditStoreKind.None || o.AllowNoneForBenchmarks, NoAuditStore.RefusedMessage)
            .Validate(o => o.MaxBatchSize >= 1 && o.QueueCapacity >= 1, "Audit:MaxBatchSize and Audit:QueueCapacity must be at least 1.")
            .Validate(o => o.MaxBatchDelay >= TimeSpan.Zero && o.CommandTimeout > TimeSpan.Zero, "Audit:MaxBatchDelay cannot be negative and Audit:CommandTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditStore>(sp => AuditStores.Create(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<IAuditStore>());
        services.TryAddSingleton<IAuditChainReader>(sp => sp.GetRequiredService<IAuditStore>());
        services.AddHostedService<AuditStoreInitializer>();
        return services;
    }
}
