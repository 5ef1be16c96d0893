namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>An <c>Allergy</c> event (or, with <see cref="IsNoKnownAllergies"/>, a <c>NoKnownAllergies</c> statement).</summary>
public sealed record EmisAllergy(
    string Id,
    string? Status,
    bool Confidential,
    string? Category,
    EmisCodedValue? Allergen,
    EmisCodedValue? Manifestation,
    string? Severity,
    EmisPartialDate? Onset,
    string? EndDate,
    string? RecordedDate,
    string? RecordedBy,
    string? Note,
    bool IsNoKnownAllergies);
