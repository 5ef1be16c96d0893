using FhirFacade.Fhir.Model;
using FhirFacade.Server.Auditing;
using FhirFacade.Server.Bundles;
using FhirFacade.Server.Capability;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Errors;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using FhirFacade.Server.Subsetting;
using FhirFacade.Server.Throttling;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>Registers the HTTP surface and the kernel it serializes with.</summary>
public static class FacadeServerServiceCollectionExtensions
{
    /// <summary>The FHIR kernel (packages, R4 model, canonical serializers) shared by the whole process.</summary>
    public static IServiceCollection AddFhirKernel(this IServiceCollection services)
    {
        services.AddSingleton(_ => FhirKernel.Default);
        return services.AddKernelServices();
    }

    /// <summary>The given FHIR kernel (from <see cref="FhirPackageStartup.OpenKernel"/>: the configured package folders first) shared by the whole process.</summary>
    public static IServiceCollection AddFhirKernel(this IServiceCollection services, FhirKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        services.AddSingleton(kernel);
        return services.AddKernelServices();
    }

    /// <summary>Options, content negotiation, the writers, bundles, the CapabilityStatement, the one exception handler, load shedding and the graceful stop.</summary>
    public static IServiceCollection AddFhirFacadeServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FacadeServerOptions>().BindConfiguration(FacadeServerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimits>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FormBodyReader>();
        services.AddSingleton<BaseUrl>();
        services.AddSingleton<FhirResponseWriter>();
        services.AddSingleton<ElementSubsetter>();
        services.AddSingleton<SearchBundleBuilder>();
        services.AddSingleton<CapabilityStatementBuilder>();
        services.AddSingleton<ResourceVersions>();
        services.AddFhirResponseCompression();
        services.AddHostedService<KernelWarmup>();
        services.AddExceptionHandler<FhirExceptionHandler>();
        services.AddProblemDetails();
        services.AddLoadShedding();
        services.AddCrossOrigin();
        services.AddGracefulShutdown();
        return services;
    }

    private static IServiceCollection AddKernelServices(this IServiceCollection services)
    {
        services.AddSingleton<IFhirModel>(sp => sp.GetRequiredService<FhirKernel>().Model);
        services.AddSingleton(sp => sp.GetRequiredService<FhirKernel>().JsonSerializer);
        return services;
    }

    /// <summary>
    /// The request pipeline in front of the FHIR endpoints: correlation id and no-store first, then HEAD's body
    /// suppression and the response compression (outside the audit, which buffers the answer: what they see is
    /// what is released), then the audit, the exception handler, CORS (a preflight is answered there, before
    /// the token check; every answer to an allowed origin gets its headers, the draining 503 included), the
    /// draining step (while the process stops, new requests are answered 503 there, audited), the request
    /// limits (refused there, a request is still answered with an OperationOutcome and audited), the token
    /// check, then the load shedding (after authentication, inside the audit).
    /// </summary>
    public static IApplicationBuilder UseFhirFacade(this IApplicationBuilder app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseResponseCompression();
        app.UseRequestAuditing();
        app.UseExceptionHandler();
        app.UseCrossOrigin();
        app.UseDraining();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseSmartSecurity();
        app.UseLoadShedding();
        return app;
    }
}
