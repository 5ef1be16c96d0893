using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Tpp;

/// <summary>Registers the TPP SystmOne adapter.</summary>
public static class TppServiceCollectionExtensions
{
    /// <summary>
    /// Adds the TPP adapter: options (<c>Suppliers:Tpp</c>, validated on start), the named HttpClient
    /// <c>tpp</c> with its Polly.Core resilience handler, the client, the CTV3 → SNOMED CT map and the
    /// <see cref="ISupplierAdapter"/>. Needs an <c>IFhirModel</c> and a <see cref="TimeProvider"/> in the container.
    /// </summary>
    public static IServiceCollection AddTppSupplier(this IServiceCollection services, IConfiguration configuration)
    {
        // The map is keyed by the supplier id: another supplier registering its own SnomedConceptMap cannot replace this one (or be replaced).
        services.AddKeyedSingleton(TppCodeSystems.SupplierId, (_, _) => Ctv3SnomedMap.Load());
        return services.AddHttpSupplier<TppOptions, TppClient, TppSupplierAdapter>(configuration, TppOptions.SectionName, TppClient.HttpClientName);
    }
}
