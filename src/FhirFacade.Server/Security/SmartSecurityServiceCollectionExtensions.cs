using FhirFacade.Core.Access;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Server.DevAuthorization;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Security;

/// <summary>Registers SMART on FHIR token checking and, when configured, the development issuer.</summary>
public static class SmartSecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SMART resource server. Keys come from <c>Smart:JwksFile</c>, <c>Smart:JwksUrl</c>, or —
    /// only when <c>DevAuthorization:Enabled</c> is true — the built-in development issuer.
    /// </summary>
    public static IServiceCollection AddSmartSecurity(this IServiceCollection services, IConfiguration configuration, string fhirBasePath)
    {
        services.AddOptions<SmartOptions>().BindConfiguration(SmartOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DevAuthorizationOptions>().BindConfiguration(DevAuthorizationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DevAuthorizationOptions>, DevAuthorizationOptionsValidator>();
        // The listen URL as the host reads it (Urls, ASPNETCORE_URLS, --urls): the embedded default's audience when no public URL is configured.
        var listenUrls = configuration[WebHostDefaults.ServerUrlsKey];
        services.AddSingleton<IValidateOptions<SmartOptions>>(sp => new SmartOptionsValidator(
            sp.GetRequiredService<IOptions<DevAuthorizationOptions>>(),
            simulatedSuppliers: sp.GetService<SimulatedSuppliers>() is not null,
            sp.GetRequiredService<IOptions<FacadeServerOptions>>(),
            listenUrls));

        var devEnabled = configuration.GetValue<bool>($"{DevAuthorizationOptions.SectionName}:Enabled");
        services.AddSingleton(sp => new SmartEndpoints(
            sp.GetRequiredService<IOptions<SmartOptions>>(),
            sp.GetRequiredService<IOptions<FacadeServerOptions>>(),
            listenUrls,
            fhirBasePath,
            devEnabled));
        services.AddSingleton<SmartTokenValidator>();
        services.AddSingleton<RequestContexts>();
        services.RemoveAll<IAccessPolicy>();
        services.AddSingleton<IAccessPolicy, SmartAccessPolicy>();
        services.AddHttpClient(nameof(JwksUrlKeySource));

        if (devEnabled)
        {
            services.AddSingleton<DevSigningKey>();
            services.AddSingleton<DevAuthorizationServer>();
            services.AddSingleton<IPostConfigureOptions<DevAuthorizationOptions>, DevPatientChoiceIds>();
            services.AddSingleton(sp => new DevPatientPicker(
                sp.GetRequiredService<IOptions<DevAuthorizationOptions>>(),
                sp.GetRequiredService<ResourceIdCodec>(),
                sp.GetRequiredService<IOrganisationDirectory>(),
                sp.GetService<SimulatedSuppliers>()));
            services.AddSingleton<ISigningKeySource>(sp => sp.GetRequiredService<DevSigningKey>());
        }
        else
        {
            services.AddSingleton<ISigningKeySource>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<SmartOptions>>().Value;
                if (options.JwksFile is not null)
                {
                    return new JwksFileKeySource(options.JwksFile);
                }

                return new JwksUrlKeySource(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksUrlKeySource)),
                    options.JwksUrl!,
                    sp.GetRequiredService<TimeProvider>());
            });
        }

        return services;
    }

    /// <summary>
    /// Adds the one authorization decision to the pipeline: after routing (so it sees the endpoint routing chose)
    /// and after the exception handler (so its refusals are written as OperationOutcomes), before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseSmartSecurity(this IApplicationBuilder app) => app.UseMiddleware<EndpointAuthorizationMiddleware>();

    /// <summary>Maps <c>/.well-known/smart-configuration</c> (GET and HEAD, at the root and under the FHIR base) and, when on, the development issuer.</summary>
    public static IEndpointRouteBuilder MapSmartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var smart = endpoints.ServiceProvider.GetRequiredService<SmartEndpoints>();
        IResult WellKnown() => Results.Json(smart.Configuration());
        endpoints.MapMethods("/.well-known/smart-configuration", FhirEndpoints.ReadMethods, WellKnown).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();
        endpoints.MapMethods(smart.FhirBasePath + "/.well-known/smart-configuration", FhirEndpoints.ReadMethods, WellKnown).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();

        if (smart.DevIssuerEnabled)
        {
            endpoints.MapDevAuthorizationServer();
        }

        return endpoints;
    }
}
