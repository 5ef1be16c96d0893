namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// Terminology services over the code systems, value sets and concept maps of the loaded packages (R4 core,
/// UK Core, the facade's own profiles). No server is called: code systems that are not available locally
/// (SNOMED CT, dm+d, Read, LOINC, most of UCUM) answer "cannot check". Thread-safe; expansions are cached.
/// </summary>
public interface ILocalTerminology
{
    /// <summary>
    /// Expands a value set (<c>url</c> or <c>url|version</c>) from its <c>compose</c>: whole code systems, concept lists,
    /// <c>is-a</c>/<c>descendent-of</c>/<c>is-not-a</c>/<c>=</c>/<c>regex</c> filters, excludes and imported value sets.
    /// <see langword="null"/> when the value set is not loaded.
    /// </summary>
    ValueSetExpansion? Expand(string valueSetCanonical);

    /// <summary>Checks a code (with its system, when known) against a value set, and its display against the code system.</summary>
    CodeValidationResult ValidateCode(string valueSet, string? system, string code, string? display);

    /// <summary>
    /// Translates a code from <paramref name="sourceSystem"/> to <paramref name="targetSystem"/> with the named ConceptMap,
    /// or with every loaded ConceptMap that has a group for that pair when <paramref name="conceptMapCanonical"/> is <see langword="null"/>.
    /// </summary>
    TranslationResult Translate(string? conceptMapCanonical, string sourceSystem, string code, string targetSystem);
}
