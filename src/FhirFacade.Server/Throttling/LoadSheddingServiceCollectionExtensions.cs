using FhirFacade.Server.Metrics;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Throttling;

/// <summary>Registers and places the admission control in front of the gateway (docs/adr/0010-load-shedding-and-overload.md).</summary>
public static class LoadSheddingServiceCollectionExtensions
{
    /// <summary>The limiter, its metrics and the framework's rate-limiting middleware with the limiter as its global limiter.</summary>
    public static IServiceCollection AddLoadShedding(this IServiceCollection services)
    {
        services.AddOptions<LoadSheddingOptions>().BindConfiguration(LoadSheddingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayConcurrencyLimiter>();
        services.AddSingleton<LoadMetrics>();
        services.AddSingleton<ShedAnswerWriter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<GatewayConcurrencyLimiter, ShedAnswerWriter>((options, limiter, shedAnswer) =>
            {
                options.GlobalLimiter = new GatewayPartitionedLimiter(limiter);
                options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
                options.OnRejected = shedAnswer.WriteAsync;
            });
        return services;
    }

    /// <summary>
    /// Sheds what is beyond the limit. Goes after authentication (the shed request's audit record names
    /// its caller, and requests without a valid token never take a permit) and inside the audit (the
    /// shed answer is audited like any other); endpoints marked <c>DisableRateLimiting()</c> pass freely.
    /// </summary>
    public static IApplicationBuilder UseLoadShedding(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ApplicationServices.GetRequiredService<IOptions<LoadSheddingOptions>>().Value.Enabled)
        {
            return app;
        }

        // Created with the pipeline, so its gauges are there from the first request.
        app.ApplicationServices.GetRequiredService<LoadMetrics>();
        return app.UseRateLimiter();
    }
}
