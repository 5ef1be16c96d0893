using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Core.Suppliers.Http;

/// <summary>
/// The options every HTTP supplier has (<c>Suppliers:&lt;Name&gt;</c>): how one attempt is timed out and how failures are
/// retried by <see cref="SupplierResilienceHandler"/>. A supplier's options derive from it and add their credentials.
/// </summary>
public abstract class SupplierHttpOptions : ISupplierResilienceSettings
{
    /// <summary>How long one HTTP attempt may take (default 1.5 s; the gateway's per-supplier timeout bounds the whole call).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Retries after a connection failure or a 5xx answer (default 1; the adapters only send requests that are safe to repeat).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>Pause before a retry (default 50 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}
