using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Microtest;

/// <summary>Registers the Microtest Evolution adapter.</summary>
public static class MicrotestServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Microtest adapter: options (<c>Suppliers:Microtest</c>, validated on start), the named HttpClient
    /// <c>microtest</c> with its Polly.Core resilience handler, the token cache, the client and the
    /// <see cref="ISupplierAdapter"/>. Needs an <c>IFhirModel</c> and a <see cref="TimeProvider"/> in the container.
    /// </summary>
    public static IServiceCollection AddMicrotestSupplier(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<MicrotestTokenCache>()
            .AddHttpSupplier<MicrotestOptions, MicrotestClient, MicrotestSupplierAdapter>(configuration, MicrotestOptions.SectionName, MicrotestClient.HttpClientName);
}
