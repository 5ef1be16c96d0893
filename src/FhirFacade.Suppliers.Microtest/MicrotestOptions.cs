using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Suppliers.Microtest;

/// <summary>
/// Options of the Microtest Evolution adapter (<c>Suppliers:Microtest</c>). Endpoints and per-organisation
/// OAuth client credentials (<c>ClientId</c>, <c>ClientSecret</c>) live in the organisation directory.
/// </summary>
public sealed class MicrotestOptions : SupplierHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Suppliers:Microtest";

    /// <summary>The OAuth client id used when an organisation's directory entry has none.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret used when an organisation's directory entry has none.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Items asked for per page (default 50, the API's maximum).</summary>
    [Range(1, 50)]
    public int PageSize { get; set; } = 50;

    /// <summary>Pages followed per list before the record is reported as truncated (default 50).</summary>
    [Range(1, 1000)]
    public int MaxPages { get; set; } = 50;

    /// <summary>A cached token is renewed this long before it expires (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(30);
}
