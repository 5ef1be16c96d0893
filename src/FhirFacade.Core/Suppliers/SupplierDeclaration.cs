using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// What a supplier adapter says about itself: the id used in configuration and resource ids, the name people and issue
/// messages use, the name exception messages use, the prefix of its mapping issues, and what it can do per resource type.
/// </summary>
/// <param name="SupplierId">The supplier id (<c>emis</c>).</param>
/// <param name="DisplayName">The supplier's name for people (<c>EMIS Web</c>).</param>
/// <param name="ShortName">The supplier as exception messages name it (<c>EMIS</c>); never patient data beside it.</param>
/// <param name="Capabilities">The resource types it serves.</param>
public sealed record SupplierDeclaration(string SupplierId, string DisplayName, string ShortName, IReadOnlyList<SupplierResourceCapability> Capabilities)
{
    /// <summary>The prefix of the adapter's issue codes (<c>EMIS</c> in <c>EMIS-DEGRADED</c>, see <see cref="MappingIssues"/>).</summary>
    public string IssuePrefix => SupplierId.ToUpperInvariant();

    /// <summary>"Display name (id)", as issue messages name the supplier.</summary>
    public string Label => DisplayName + " (" + SupplierId + ")";

    /// <summary>
    /// The capabilities every adapter so far declares: Patient, AllergyIntolerance, Condition and MedicationStatement
    /// searched by patient, Medication and Organization read by id (plus Practitioner when <paramref name="practitioners"/>),
    /// none of their search parameters translated natively (the gateway applies every criterion).
    /// </summary>
    public static IReadOnlyList<SupplierResourceCapability> PatientRecordCapabilities(bool practitioners) =>
    [
        SupplierResourceCapability.Searched(T.Patient),
        SupplierResourceCapability.Searched(T.AllergyIntolerance),
        SupplierResourceCapability.Searched(T.Condition),
        SupplierResourceCapability.Searched(T.MedicationStatement),
        SupplierResourceCapability.ReadOnly(T.Medication),
        SupplierResourceCapability.ReadOnly(T.Organization),
        .. practitioners ? [SupplierResourceCapability.ReadOnly(T.Practitioner)] : Array.Empty<SupplierResourceCapability>(),
    ];

    /// <summary>Whether the adapter searches <paramref name="resourceType"/> by patient.</summary>
    public bool Searches(string resourceType) => Capabilities.Any(c => c.Search && string.Equals(c.ResourceType, resourceType, StringComparison.Ordinal));

    /// <summary>Whether the adapter serves <paramref name="resourceType"/> at all (search or read).</summary>
    public bool Serves(string resourceType) => Capabilities.Any(c => string.Equals(c.ResourceType, resourceType, StringComparison.Ordinal));
}
