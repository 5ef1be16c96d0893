using FhirFacade.Audit.Benchmarking;
using FhirFacade.Audit.Postgres;
using FhirFacade.Audit.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Audit;

/// <summary>Creates the audit store the options select (<see cref="AuditStoreKind.None"/> only with <see cref="AuditOptions.AllowNoneForBenchmarks"/>).</summary>
public static class AuditStores
{
    public static IAuditStore Create(AuditOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        return options.Store switch
        {
            AuditStoreKind.Sqlite => new SqliteAuditTrail(options, timeProvider, loggerFactory.CreateLogger<SqliteAuditTrail>()),
            AuditStoreKind.Postgres => new PostgresAuditTrail(options, timeProvider, loggerFactory.CreateLogger<PostgresAuditTrail>()),
            AuditStoreKind.None when options.AllowNoneForBenchmarks => new NoAuditStore(loggerFactory.CreateLogger<NoAuditStore>()),
            AuditStoreKind.None => throw new InvalidOperationException(NoAuditStore.RefusedMessage),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Store, "Unknown audit store."),
        };
    }
}
