using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Core.Gateway;

/// <summary>Time limits of supplier calls (<c>Facade:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Gateway";

    /// <summary>How long one supplier call may take (default 2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SupplierTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a whole request may spend on suppliers, location included (default 2.5 s, under the NHS 3 s ceiling).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan OverallBudget { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// How long "which organisations hold this NHS number" is remembered (default 30 s; zero turns it off).
    /// Only record location is cached, never clinical content; failed lookups are not cached, and a location is
    /// forgotten as soon as a holder it lists answers that it has no record for the patient.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan LocationCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The share of a timed-out supplier call's time during which the facade's thread-pool work waited for
    /// a thread, from which the timeout is reported as the facade's overload (<c>FACADE-OVERLOADED</c>)
    /// rather than the supplier's (default 0.25: a healthy pool runs work within microseconds; a 200 ms
    /// pause inside a 2 s timeout is 10%). See docs/adr/0010-load-shedding-and-overload.md.
    /// </summary>
    [Range(0.01, 1.0)]
    public double OverloadStarvationShare { get; set; } = 0.25;

    /// <summary>
    /// How many times its CPU time the facade's work must have taken, from waiting for cores (with at
    /// least one thread waiting on average), during a timed-out supplier call for the timeout to be
    /// reported as the facade's overload (default 4: at its admission limit the facade runs about two
    /// threads per core, a slowdown of about 2).
    /// </summary>
    [Range(1.5, 1000.0)]
    public double OverloadCpuSlowdown { get; set; } = 4;

    /// <summary>
    /// How often the starvation monitor samples the process's CPU run-queue wait and queues its thread-pool
    /// probe (default 100 ms; each sample reads one small file per thread, well under 1% of a core).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:05")]
    public TimeSpan StarvationProbeInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
