using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Server.Http;

/// <summary>
/// How much of a request the facade reads (<c>Facade:Server:Limits</c>, docs/api.md "Limits").
/// Beyond each limit the answer is an OperationOutcome (413, 414, 431, 400 or 408), audited like any
/// other; Kestrel's own hard limits are set at twice the target and header limits, so that only
/// requests far beyond them are refused by Kestrel itself, without a body.
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Server:Limits";

    /// <summary>Largest <c>POST _search</c> form body in bytes (default 16 KiB); more is 413.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxFormBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How long a form body may take to arrive in full (default 10 s); longer is 408.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan FormBodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most parameters in a query string or form body, counted together per source (default 100); more is 400.</summary>
    [Range(1, 10_000)]
    public int MaxParameters { get; set; } = 100;

    /// <summary>Longest parameter name, decoded, in characters (default 128); longer is 400.</summary>
    [Range(16, 4096)]
    public int MaxParameterNameLength { get; set; } = 128;

    /// <summary>Longest parameter value, decoded, in characters (default 8192); longer is 400.</summary>
    [Range(64, 1024 * 1024)]
    public int MaxParameterValueLength { get; set; } = 8 * 1024;

    /// <summary>Longest request target (path and query as sent) in bytes (default 8 KiB); longer is 414.</summary>
    [Range(1024, 64 * 1024)]
    public int MaxRequestTargetLength { get; set; } = 8 * 1024;

    /// <summary>Largest total of request header names and values in bytes (default 32 KiB); more is 431.</summary>
    [Range(4096, 256 * 1024)]
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;
}
