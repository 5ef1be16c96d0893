using FhirFacade.Fhir.Resources;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// Where and when a mapped resource came from (docs/adr/0009-freshness-and-provenance.md): <c>meta.source</c> names the
/// supplier system and the organisation, <c>meta.lastUpdated</c> the instant the facade retrieved it from that system.
/// </summary>
public static class ResourceSource
{
    /// <summary>The URN prefix of facade sources.</summary>
    public const string Prefix = "urn:fhirfacade:source:";

    /// <summary><c>urn:fhirfacade:source:{supplier}:{ods}</c>, e.g. <c>urn:fhirfacade:source:emis:A81001</c>.</summary>
    public static string For(string supplier, string odsCode) => Prefix + supplier + ":" + odsCode;

    /// <summary>
    /// The <c>meta</c> every adapter gives a resource: its UK Core <paramref name="profile"/>, its source, and — when the
    /// adapter knows it — the instant the supplier's answer was retrieved, as <c>meta.lastUpdated</c> (UTC).
    /// </summary>
    public static Meta Meta(string profile, string supplier, string odsCode, DateTimeOffset? retrieved) => new()
    {
        LastUpdated = retrieved is { } at ? FhirDates.Instant(at.ToUniversalTime()) : null,
        Profile = [profile],
        Source = For(supplier, odsCode),
    };
}
