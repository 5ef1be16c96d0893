namespace FhirFacade.Core.Suppliers;

/// <summary>What a supplier adapter can do for one resource type.</summary>
/// <param name="ResourceType">The FHIR resource type.</param>
/// <param name="Search"><see langword="true"/> when the type can be searched (by patient); otherwise read only.</param>
/// <param name="NativeSearchParameters">
/// The search parameters the adapter translates into its native query. The gateway applies the
/// others itself, in memory, to what the adapter returns (and skips re-checking these).
/// </param>
public sealed record SupplierResourceCapability(string ResourceType, bool Search, IReadOnlySet<string> NativeSearchParameters)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>A type searched by patient, every criterion applied by the gateway.</summary>
    public static SupplierResourceCapability Searched(string resourceType) => new(resourceType, true, None);

    /// <summary>A type read by id only.</summary>
    public static SupplierResourceCapability ReadOnly(string resourceType) => new(resourceType, false, None);
}
