using FhirFacade.Core.Access;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Validation;
using FhirFacade.Fhir.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core;

/// <summary>Registers the gateway.</summary>
public static class FhirFacadeCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway, the search model, paging, record location over the configured organisation
    /// directory, the validation policy and the access seam. Seams registered with TryAdd (replace
    /// them by registering first or with <c>Replace</c>): <see cref="IRecordLocator"/>,
    /// <see cref="IResourceValidator"/>, <see cref="IAccessPolicy"/>, <see cref="IProcessLoad"/>, <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddFhirFacadeCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.SectionName);
        services.AddOptions<ResourceIdOptions>().BindConfiguration(ResourceIdOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResourceIdOptions>, ResourceIdOptionsValidator>();
        services.AddSingleton<ResourceIdCodec>();
        services.AddHostedService<ResourceIdKeyCheck>();
        services.AddOptions<ValidationOptions>().BindConfiguration(ValidationOptions.SectionName).ValidateOnStart();
        services.AddOptions<OrganisationDirectoryOptions>().BindConfiguration(OrganisationDirectoryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganisationDirectoryOptions>, OrganisationDirectoryOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectoryRecordLocator>();
        services.TryAddSingleton<IRecordLocator, CachingRecordLocator>();
        // The real UK Core validator is the default: a composition cannot forget it and silently check nothing.
        services.TryAddSingleton(_ => FhirKernel.Default);
        services.TryAddSingleton(sp =>
        {
            var kernel = sp.GetRequiredService<FhirKernel>();
            return FhirValidation.CreateValidator(kernel.Packages, kernel.Model);
        });
        services.TryAddSingleton<UkCoreResourceValidator>();
        services.TryAddSingleton<IResourceValidator>(sp => sp.GetRequiredService<UkCoreResourceValidator>());
        services.TryAddSingleton<IAccessPolicy, AllowAllAccessPolicy>();
        services.AddSingleton<SharingPolicy>();
        services.AddSingleton<IOrganisationDirectory, ConfiguredOrganisationDirectory>();
        services.AddSingleton<SupplierAdapterRegistry>();
        services.AddSingleton<PageTokenCodec>();
        services.TryAddSingleton<IProcessLoad, ProcessStarvationMonitor>();
        services.AddSingleton<SupplierCallRunner>();
        services.AddMetrics();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<ValidationMetrics>();
        services.AddSingleton<ResourceValidationStep>();
        services.AddSingleton<ResourceMerger>();
        services.AddSingleton<FhirGateway>();
        return services;
    }
}
