using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirFacade.Server.Health;

/// <summary>
/// The FHIR packages are loaded and the UK Core validator of every served type is compiled: the type
/// definitions resolve and each profile has its compiled schema (built at start-up by
/// <see cref="Hosting.KernelWarmup"/>, so this only looks them up).
/// </summary>
internal sealed class KernelHealthCheck(IFhirModel model, FhirValidator validator, SupplierAdapterRegistry adapters) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var types = adapters.ResourceTypes();
        if (types.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No supplier adapter serves any resource type."));
        }

        var missing = new List<string>();
        foreach (var type in types)
        {
            if (model.FindType(type) is null)
            {
                missing.Add(type);
            }
            else if (UkCoreProfiles.ByResourceType.TryGetValue(type, out var profile) && !validator.CanResolve(profile))
            {
                missing.Add(profile);
            }
        }

        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not loaded or not compiled: " + string.Join(", ", missing)));
    }
}
