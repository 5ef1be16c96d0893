using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// How the process stops on SIGTERM (<c>Facade:Shutdown</c>; docs/operations.md "Stopping an instance"):
/// readiness goes unready and new requests are turned away (503) at once; after <see cref="DrainDelay"/>
/// the server stops listening and waits for the requests in flight; the whole stop, audit flush included,
/// is bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class ShutdownOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Shutdown";

    /// <summary>
    /// How long the server keeps listening after SIGTERM, answering new requests 503 with
    /// <c>Retry-After</c> and readiness 503, so that a balancer sees the instance leave before its
    /// connections are refused (default zero; set it to the balancer's probe interval × failure threshold).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The bound on the whole stop (<c>HostOptions.ShutdownTimeout</c>; default 30 s): the drain delay,
    /// the requests in flight, then the audit flush. Requests still running at the end are cut.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Retry-After</c> of a request turned away while draining, whole seconds (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
