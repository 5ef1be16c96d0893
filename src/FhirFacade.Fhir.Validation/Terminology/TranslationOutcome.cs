namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>The overall answer of a translation.</summary>
public enum TranslationOutcome
{
    /// <summary>At least one usable target was found.</summary>
    Matched,

    /// <summary>A ConceptMap covers the source and target systems but maps this code to nothing usable.</summary>
    NoMatch,

    /// <summary>No loaded ConceptMap covers the source and target systems (or the named ConceptMap is not loaded).</summary>
    NoConceptMap,
}
