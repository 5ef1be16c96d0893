using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Server.Throttling;

/// <summary>
/// Admission control in front of the gateway (<c>Facade:LoadShedding</c>): at most
/// <see cref="PermitLimit"/> authenticated requests are served at once, up to <see cref="QueueLimit"/>
/// more wait (oldest first) for at most <see cref="QueueTimeout"/>, and anything beyond is answered at
/// once with 503, <c>Retry-After</c> and an OperationOutcome. How the defaults were chosen:
/// docs/adr/0010-load-shedding-and-overload.md and docs/benchmarks.md.
/// </summary>
public sealed class LoadSheddingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:LoadShedding";

    /// <summary>Whether requests are limited at all (default on; off only to measure the facade without it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Requests served at once (default 2 per processor: 4 on the 2-core machine it was measured on).
    /// The count includes requests waiting for suppliers, so a deployment whose suppliers are remote
    /// and slow sizes it by throughput × latency (see the ADR).
    /// </summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>Requests that may wait for a permit (default 1 per processor: 2 on the machine measured).</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a request may wait for a permit before it is shed after all (default 0.5 s: with the
    /// gateway's 2.5 s budget the answer stays inside the NHS 3 s ceiling).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Whether a shed request's 503 is released as soon as its audit record is queued (default), rather than after
    /// the record is durably committed like every other answer. The 503 releases no data, and the record is still
    /// written in order; <c>false</c> keeps the strict "committed before released" for shed answers too, at the
    /// price of holding each one for a commit (docs/audit.md).
    /// </summary>
    public bool ReleaseBeforeAuditCommit { get; set; } = true;

    /// <summary>The <c>Retry-After</c> of a shed request, whole seconds (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
