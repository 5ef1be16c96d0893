using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Http;

/// <summary>Registers and places the CORS step (<see cref="CrossOriginMiddleware"/>).</summary>
internal static class CrossOriginExtensions
{
    public static IServiceCollection AddCrossOrigin(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrossOriginOptions>, CrossOriginOptionsValidator>();
        services.AddSingleton<CrossOriginPolicy>();
        return services;
    }

    /// <summary>Inside the audit and the exception handler, before the request limits and the token check.</summary>
    public static IApplicationBuilder UseCrossOrigin(this IApplicationBuilder app) => app.UseMiddleware<CrossOriginMiddleware>();
}
