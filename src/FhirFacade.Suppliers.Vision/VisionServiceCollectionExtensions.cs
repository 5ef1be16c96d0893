using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Vision;

/// <summary>Registers the INPS Vision adapter.</summary>
public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Vision adapter: options (<c>Suppliers:Vision</c>, validated on start), the MLLP connection pool, the
    /// HL7 v2 client and the <see cref="ISupplierAdapter"/>. Needs an <c>IFhirModel</c> in the container.
    /// </summary>
    public static IServiceCollection AddVisionSupplier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSupplierOptions<VisionOptions>(VisionOptions.SectionName)
            .AddLogging()
            .AddSingleton<MllpConnectionPool>()
            .AddSupplierAdapter<VisionClient, VisionSupplierAdapter>();
    }
}
