using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Supplier calls as an operator watches them, on the <c>FhirFacade.Gateway</c> meter: how long each
/// call took and how it ended, per supplier and organisation (ODS code), the calls the facade's own
/// overload cut short, and how long the process's work has waited for threads and CPUs. Tags hold codes only, never patient data.
/// </summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "FhirFacade.Gateway";

    /// <summary>Every supplier call's duration in seconds, tagged supplier, organisation and outcome (<see cref="Outcome"/>).</summary>
    public const string CallDuration = "fhirfacade.supplier.call.duration";

    /// <summary>Supplier calls that brought nothing back because of the supplier, tagged supplier, organisation and outcome.</summary>
    public const string CallFailures = "fhirfacade.supplier.call.failures";

    /// <summary>Supplier calls that ran out of time while the facade itself was overloaded, tagged supplier and organisation.</summary>
    public const string OverloadedCalls = "fhirfacade.gateway.overloaded_calls";

    /// <summary>Seconds the facade's thread-pool work has waited for a thread since start (<see cref="ProcessLoad.ThreadPoolWait"/>).</summary>
    public const string ThreadPoolWait = "fhirfacade.process.threadpool_wait";

    /// <summary>Seconds the facade's threads, summed, have waited for a CPU since start (<see cref="ProcessLoad.CpuWait"/>; Linux).</summary>
    public const string CpuWait = "fhirfacade.process.cpu_wait";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _overloaded;

    public GatewayMetrics(IMeterFactory meterFactory, IProcessLoad load)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(load);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(CallDuration, "s", "Duration of calls to supplier systems, by how they ended.");
        _failures = meter.CreateCounter<long>(CallFailures, "{call}", "Supplier calls that failed: unreachable, error, timeout, unreadable answer, credentials or sharing refused.");
        _overloaded = meter.CreateCounter<long>(OverloadedCalls, "{call}", "Supplier calls cut short by the facade's own overload (not counted as supplier failures).");
        meter.CreateObservableCounter(ThreadPoolWait, () => load.Read().ThreadPoolWait.TotalSeconds, "s", "Time the facade's thread-pool work has waited for a thread; its rate is the share of time the pool is starved.");
        meter.CreateObservableCounter(CpuWait, () => load.Read().CpuWait.TotalSeconds, "s", "Time the facade's threads have waited for a CPU, summed; its rate is how many wait on average.");
    }

    /// <summary>The <c>outcome</c> tag values.</summary>
    public static class Outcome
    {
        public const string Success = "success";
        public const string FacadeOverloaded = "facade_overloaded";
    }

    internal void RecordCall(string supplier, string organisation, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "supplier", supplier },
            { "organisation", organisation },
            { "outcome", outcome },
        };
        _duration.Record(elapsed.TotalSeconds, tags);
        if (outcome == Outcome.FacadeOverloaded)
        {
            _overloaded.Add(1, new KeyValuePair<string, object?>("supplier", supplier), new KeyValuePair<string, object?>("organisation", organisation));
        }
        else if (outcome != Outcome.Success)
        {
            _failures.Add(1, tags);
        }
    }
}
