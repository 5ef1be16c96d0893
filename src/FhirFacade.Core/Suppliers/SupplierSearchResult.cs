using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>What one supplier answered for one organisation: matches, included resources and issues (unmappable items, warnings).</summary>
public sealed record SupplierSearchResult(
    IReadOnlyList<SupplierResource> Matches,
    IReadOnlyList<SupplierResource> Included,
    IReadOnlyList<Issue> Issues)
{
    /// <summary>Nothing found.</summary>
    public static SupplierSearchResult Empty { get; } = new([], [], []);
}
