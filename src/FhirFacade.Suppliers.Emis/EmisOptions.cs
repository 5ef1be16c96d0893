using System.ComponentModel.DataAnnotations;
using FhirFacade.Core.Suppliers.Http;

namespace FhirFacade.Suppliers.Emis;

/// <summary>Options of the EMIS adapter (<c>Suppliers:Emis</c>). Endpoints and per-organisation API keys live in the organisation directory.</summary>
public sealed class EmisOptions : ISupplierResilienceSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Suppliers:Emis";

    /// <summary>The API key used when an organisation's directory entry has no <c>ApiKey</c> credential.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one HTTP attempt may take (default 1.5 s; the gateway's per-supplier timeout bounds the whole call).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Retries after a connection failure or a 5xx answer (default 1; GETs only, so retrying is safe).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>Pause before a retry (default 50 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}
