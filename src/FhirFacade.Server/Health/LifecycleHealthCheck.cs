using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirFacade.Server.Health;

/// <summary>Unready while the process starts and from the moment it drains.</summary>
internal sealed class LifecycleHealthCheck(FacadeLifecycle lifecycle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifecycle.IsDraining ? HealthCheckResult.Unhealthy("The instance is shutting down.")
            : !lifecycle.IsStarted ? HealthCheckResult.Unhealthy("The instance is starting.")
            : HealthCheckResult.Healthy());
}
