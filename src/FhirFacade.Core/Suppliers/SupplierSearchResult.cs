using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>What one supplier answered for one organisation: matches, included resources and issues (unmappable items, warnings).</summary>
public sealed record SupplierSearchResult(
    IReadOnlyList<SupplierResource> Matches,
    IReadOnlyList<SupplierResource> Included,
    IReadOnlyList<Issue> Issues)
{
    /// <summary>Nothing found: the organisation holds the patient's record, and nothing in it matched.</summary>
    public static SupplierSearchResult Empty { get; } = new([], [], []);

    /// <summary>
    /// The organisation's system answered a search about one patient with "no such patient here" (a 404, an HL7
    /// "not found", or a record registered elsewhere): see <see cref="PatientNotHeld"/>.
    /// </summary>
    public static SupplierSearchResult NotHeld { get; } = new([], [], []) { PatientNotHeld = true };

    /// <summary>
    /// <see langword="true"/> when the organisation's system says it holds no record for the patient the search named
    /// (its NHS number or native id). The gateway asked because the record locator listed the organisation as a holder,
    /// so this is never the same as an empty answer: the gateway reports it by supplier and ODS code and forgets the
    /// cached location (docs/safety/hazard-log.md, H3).
    /// </summary>
    public bool PatientNotHeld { get; init; }
}
