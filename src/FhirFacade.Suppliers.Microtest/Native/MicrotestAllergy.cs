namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>An <c>allergy</c>: SNOMED CT allergen and reaction.</summary>
internal sealed record MicrotestAllergy(
    string? Id,
    string? Category,
    MicrotestCodedTerm? Allergen,
    MicrotestCodedTerm? Reaction,
    string? Severity,
    string? Status,
    string? Onset,
    string? EndDate,
    bool Confidential,
    string? Notes,
    string? Recorded,
    string? RecordedBy);
