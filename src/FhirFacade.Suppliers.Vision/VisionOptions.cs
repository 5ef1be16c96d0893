using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Suppliers.Vision;

/// <summary>
/// Options of the INPS Vision adapter (<c>Suppliers:Vision</c>). Endpoints (<c>mllp://host:port</c>) and
/// per-organisation access keys (<c>AccessKey</c>) live in the organisation directory.
/// </summary>
public sealed class VisionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Suppliers:Vision";

    /// <summary>The MSH-8 access key used when an organisation's directory entry has none.</summary>
    public string? AccessKey { get; set; }

    /// <summary>
    /// How long one query may take, connecting included (default 1.5 s; the gateway's per-supplier timeout
    /// bounds the whole call). A query that runs out is a timeout and its connection is closed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Open connections kept per endpoint, busy or idle (default 4); a caller beyond that waits for one.</summary>
    [Range(1, 64)]
    public int MaxConnectionsPerEndpoint { get; set; } = 4;

    /// <summary>An idle connection older than this is closed instead of reused (default 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest response accepted, in bytes (default 4 MiB); a larger one is malformed.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;
}
