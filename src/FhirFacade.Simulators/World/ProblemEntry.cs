using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.World;

internal sealed record ProblemEntry(
    long LocalId,
    ConditionConcept Concept,
    ProblemStatus Status,
    ProblemSignificance Significance,
    PartialDate Onset,
    PartialDate? End,
    bool Confidential,
    string? Note,
    Practitioner RecordedBy,
    DateOnly RecordedDate);
