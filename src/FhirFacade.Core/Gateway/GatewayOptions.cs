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
}
