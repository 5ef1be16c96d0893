namespace FhirFacade.Simulators.Catalogues;

/// <summary>
/// A condition with its SNOMED CT concept and, where they exist, its Read v2 and CTV3 codes and an
/// EMIS local code. <see cref="MapEquivalence"/> is the ConceptMap equivalence of the SNOMED concept
/// relative to the Read/CTV3 code (e.g. "wider" when the SNOMED concept is broader).
/// </summary>
internal sealed record ConditionConcept(
    string SnomedId,
    string Term,
    string? Read2,
    string? ReadTerm,
    string? Ctv3,
    string MapEquivalence = "equivalent",
    string? EmisLocalCode = null,
    string? EmisLocalTerm = null,
    bool SexualHealth = false);
