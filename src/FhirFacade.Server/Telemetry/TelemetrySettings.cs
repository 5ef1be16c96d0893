namespace FhirFacade.Server.Telemetry;

/// <summary>
/// When the OpenTelemetry pipeline runs and where it sends what it collects. Off unless configured: on when
/// <c>Facade:Telemetry:Enabled</c> is <see langword="true"/>, or when it is unset and one of the standard OTLP
/// endpoint variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>,
/// <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>) is set. The exporter itself reads the other <c>OTEL_*</c>
/// variables (protocol, headers, timeout, service name, resource attributes).
/// </summary>
internal sealed record TelemetrySettings(bool Enabled, bool OtlpExport)
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Telemetry";

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "fhirfacade";

    private static readonly string[] EndpointVariables =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>Reads <c>Facade:Telemetry:Enabled</c>, <c>Facade:Telemetry:OtlpExport</c> and the OTLP endpoint variables.</summary>
    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var endpointSet = EndpointVariables.Any(name => !string.IsNullOrWhiteSpace(configuration[name]));
        var enabled = section.GetValue<bool?>("Enabled") ?? endpointSet;

        // OtlpExport=false keeps the pipeline without the exporter (a test's in-memory exporter, a debugging session).
        return new TelemetrySettings(enabled, enabled && section.GetValue("OtlpExport", true));
    }
}
