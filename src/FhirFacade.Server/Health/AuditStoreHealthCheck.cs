using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirFacade.Server.Health;

/// <summary>
/// The audit store could commit a record now (<see cref="IAuditStore.ProbeWritableAsync"/>: nothing is
/// appended). An instance whose audit store cannot write answers every request 503, so it is not ready.
/// A trail that is not a store (an in-memory one in tests) is asked for its chain head instead.
/// </summary>
internal sealed class AuditStoreHealthCheck(IAuditTrail trail) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            switch (trail)
            {
                case IAuditStore store:
                    await store.ProbeWritableAsync(cancellationToken);
                    break;
                case IAuditChainReader reader:
                    await reader.ReadHeadAsync(cancellationToken);
                    break;
                default:
                    return HealthCheckResult.Unhealthy("The audit trail offers no way to check it.");
            }
        }
        catch (AuditUnavailableException exception)
        {
            return HealthCheckResult.Unhealthy("The audit store cannot take a write.", exception);
        }

        return HealthCheckResult.Healthy();
    }
}
