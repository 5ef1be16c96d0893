using System.Diagnostics.Metrics;
using FhirFacade.Server.Throttling;

namespace FhirFacade.Server.Metrics;

/// <summary>
/// Saturation as an operator watches it coming, on the <c>FhirFacade.Load</c> meter: requests being
/// served against the limit, requests queued for a permit, and requests shed. Request durations and
/// the count of all active requests are the framework's own (<c>http.server.request.duration</c>,
/// <c>http.server.active_requests</c> on <c>Microsoft.AspNetCore.Hosting</c>); supplier calls are on
/// <c>FhirFacade.Gateway</c>. docs/api.md lists them all.
/// </summary>
internal sealed class LoadMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "FhirFacade.Load";

    /// <summary>Requests holding a permit (being served) now.</summary>
    public const string InFlight = "fhirfacade.load.in_flight";

    /// <summary>The most requests served at once (<see cref="LoadSheddingOptions.PermitLimit"/>).</summary>
    public const string PermitLimit = "fhirfacade.load.permit_limit";

    /// <summary>Requests waiting for a permit now.</summary>
    public const string QueueLength = "fhirfacade.load.queue_length";

    /// <summary>Requests answered 503 without being served, tagged <c>reason</c> (<see cref="ShedReason"/>).</summary>
    public const string Shed = "fhirfacade.load.shed";

    private readonly Counter<long> _shed;

    public LoadMetrics(IMeterFactory meterFactory, GatewayConcurrencyLimiter limiter)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(InFlight, () => limiter.InFlight, "{request}", "Requests being served now (holding a permit).");
        meter.CreateObservableGauge(PermitLimit, () => limiter.PermitLimit, "{request}", "The most requests served at once.");
        meter.CreateObservableGauge(QueueLength, () => limiter.QueueLength, "{request}", "Requests waiting for a permit now.");
        _shed = meter.CreateCounter<long>(Shed, "{request}", "Requests answered 503 (load shed) without being served.");
    }

    public void RecordShed(string reason) => _shed.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
