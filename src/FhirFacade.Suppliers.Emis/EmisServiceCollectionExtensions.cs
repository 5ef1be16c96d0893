using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Emis;

/// <summary>Registers the EMIS Web adapter.</summary>
public static class EmisServiceCollectionExtensions
{
    /// <summary>
    /// Adds the EMIS adapter: options (<c>Suppliers:Emis</c>, validated on start), the named HttpClient
    /// <c>emis</c> with its Polly.Core resilience handler, the client and the <see cref="ISupplierAdapter"/>.
    /// Needs an <c>IFhirModel</c> and a <see cref="TimeProvider"/> in the container.
    /// </summary>
    public static IServiceCollection AddEmisSupplier(this IServiceCollection services, IConfiguration configuration) =>
        services.AddHttpSupplier<EmisOptions, EmisClient, EmisSupplierAdapter>(configuration, EmisOptions.SectionName, EmisClient.HttpClientName);
}
