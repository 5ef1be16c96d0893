using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.World;

internal sealed record AllergyEntry(
    long LocalId,
    AllergenConcept Allergen,
    ReactionConcept Reaction,
    AllergySeverity Severity,
    PartialDate Onset,
    DateOnly? EndDate,
    bool Confidential,
    string? Note,
    Practitioner RecordedBy,
    DateOnly RecordedDate)
{
    public bool Resolved => EndDate is not null;
}
