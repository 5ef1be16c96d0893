using FhirFacade.Server.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>Registers the graceful stop (<see cref="ShutdownOptions"/>, <see cref="GracefulShutdown"/>) and places its draining step.</summary>
public static class ShutdownServiceCollectionExtensions
{
    /// <summary>The shutdown options (also the host's <c>ShutdownTimeout</c>), the lifecycle and the stop sequence.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>()
            .BindConfiguration(ShutdownOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.DrainDelay < o.Timeout, "Facade:Shutdown:DrainDelay must be shorter than Facade:Shutdown:Timeout, which bounds the whole stop.")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.TryAddSingleton<FacadeLifecycle>();
        services.AddHostedService<GracefulShutdown>();
        return services;
    }

    /// <summary>Turns new requests away while the process drains; goes inside the audit and after the exception handler.</summary>
    public static IApplicationBuilder UseDraining(this IApplicationBuilder app) => app.UseMiddleware<DrainingMiddleware>();
}
