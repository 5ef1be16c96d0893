using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// Loads the FHIR packages and the type definitions the facade serves at start-up, so that the first
/// request does not pay for it inside its supplier time budget (and a missing package fails the start).
/// </summary>
internal sealed class KernelWarmup(IFhirModel model, SupplierAdapterRegistry adapters, IServiceProvider services) : IHostedService
{
    private static readonly string[] AlwaysUsed = ["Bundle", "OperationOutcome", "CapabilityStatement", "Meta", "Coding", "CodeableConcept", "Reference", "Identifier", "Extension", "Period", "HumanName", "Address", "ContactPoint", "Dosage", "Annotation"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var type in adapters.ResourceTypes().Concat(AlwaysUsed))
        {
            model.FindType(type);
        }

        // Compile the UK Core profiles of the served types now, not inside the first request's budget.
        services.GetService<FhirValidator>()?.Precompile(adapters.ResourceTypes().Select(t => UkCoreProfiles.ByResourceType.GetValueOrDefault(t)).OfType<string>());

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
