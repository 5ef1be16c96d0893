using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirFacade.Server.Health;

/// <summary>
/// The organisation directory is loaded: at least one organisation, each with an adapter for its
/// supplier and an absolute endpoint (an <c>embedded:</c> one resolved to a running simulator).
/// Whether each endpoint answers is not readiness (<see cref="SupplierReachabilityProbe"/>).
/// </summary>
internal sealed class OrganisationDirectoryHealthCheck(IOrganisationDirectory directory, SupplierAdapterRegistry adapters) : IHealthCheck
{
    // The demo host writes "embedded:{supplier}" for a simulator it has not resolved yet: not an endpoint to call.
    private const string EmbeddedScheme = "embedded";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var organisations = directory.All;
        if (organisations.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The organisation directory is empty."));
        }

        var broken = organisations
            .Where(o => !adapters.TryGet(o.Supplier, out _) || o.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme == EmbeddedScheme)
            .Select(o => o.OdsCode)
            .ToList();
        return Task.FromResult(broken.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Organisations without an adapter or a resolved endpoint: " + string.Join(", ", broken)));
    }
}
