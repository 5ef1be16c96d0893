using FhirFacade.Core.Gateway;
using FhirFacade.Core.Validation;
using FhirFacade.Server.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FhirFacade.Server.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP, off unless configured (<see cref="TelemetrySettings"/>).
/// Traces: the incoming request (ASP.NET Core), one child span per supplier call
/// (<see cref="SupplierCallRunner.ActivitySourceName"/>) and the outgoing HTTP calls under it, with the audit
/// commit and validation failures as events. Metrics: the facade's meters and ASP.NET Core's and
/// HttpClient's. Every span passes <see cref="TelemetryRedactionProcessor"/> before any exporter. Logs are
/// not exported (they stay on the configured logging providers).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The meters exported beside ASP.NET Core's and HttpClient's.</summary>
    internal static readonly string[] FacadeMeters = [LoadMetrics.MeterName, GatewayMetrics.MeterName, ValidationMetrics.MeterName];

    /// <summary>Registers the OpenTelemetry pipeline when telemetry is configured; does nothing otherwise.</summary>
    public static IServiceCollection AddFacadeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = TelemetrySettings.From(configuration);
        if (!settings.Enabled)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : TelemetrySettings.DefaultServiceName))
            .WithTracing(tracing => tracing
                .AddProcessor(new TelemetryRedactionProcessor())
                .AddSource(SupplierCallRunner.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // The balancer's probes are not traced; an exception's text never becomes an event.
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    aspNetCore.RecordException = false;
                })
                .AddHttpClientInstrumentation(http => http.RecordException = false))
            .WithMetrics(metrics => metrics
                .AddMeter(FacadeMeters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (settings.OtlpExport)
        {
            // The exporter reads OTEL_EXPORTER_OTLP_* (endpoint, protocol, headers, timeout) from configuration.
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return services;
    }
}
