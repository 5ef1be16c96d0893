using FhirFacade.Core.Suppliers.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Suppliers;

/// <summary>What every supplier's <c>Add&lt;Name&gt;Supplier</c> registers the same way (docs/adding-a-supplier.md).</summary>
public static class SupplierServiceCollectionExtensions
{
    /// <summary>
    /// The supplier's options, bound from <paramref name="sectionName"/> and validated (data annotations) when the host
    /// starts, and a <see cref="TimeProvider"/> if the host has none.
    /// </summary>
    public static IServiceCollection AddSupplierOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// <see cref="AddSupplierOptions{TOptions}"/>, and the supplier's named <see cref="HttpClient"/> (no client-wide
    /// timeout: each attempt is timed out, and failures retried, by <see cref="SupplierResilienceHandler"/> with the options).
    /// </summary>
    public static IServiceCollection AddSupplierHttpClient<TOptions>(this IServiceCollection services, string sectionName, string httpClientName)
        where TOptions : SupplierHttpOptions
    {
        services.AddSupplierOptions<TOptions>(sectionName);
        services.AddHttpClient(httpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new SupplierResilienceHandler(sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The supplier's native client and its adapter, each one instance for the host (the adapter as an
    /// <see cref="ISupplierAdapter"/>, which the gateway, record locator, CapabilityStatement and audit enumerate).
    /// </summary>
    public static IServiceCollection AddSupplierAdapter<TClient, TAdapter>(this IServiceCollection services)
        where TClient : class
        where TAdapter : class, ISupplierAdapter
    {
        services.AddSingleton<TClient>();
        services.AddSingleton<ISupplierAdapter, TAdapter>();
        return services;
    }

    /// <summary>
    /// An HTTP supplier whole: its options and named <see cref="HttpClient"/> (<see cref="AddSupplierHttpClient{TOptions}"/>),
    /// its native client and its adapter (<see cref="AddSupplierAdapter{TClient, TAdapter}"/>).
    /// </summary>
    public static IServiceCollection AddHttpSupplier<TOptions, TClient, TAdapter>(this IServiceCollection services, IConfiguration configuration, string sectionName, string httpClientName)
        where TOptions : SupplierHttpOptions
        where TClient : class
        where TAdapter : class, ISupplierAdapter
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSupplierHttpClient<TOptions>(sectionName, httpClientName).AddSupplierAdapter<TClient, TAdapter>();
    }
}
