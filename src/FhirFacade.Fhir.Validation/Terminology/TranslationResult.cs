namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>The result of translating a code with the loaded ConceptMaps (<see href="https://hl7.org/fhir/R4/conceptmap-operation-translate.html"/>).</summary>
/// <param name="Outcome">Matched, no match, or no map.</param>
/// <param name="Matches">Every target found, usable ones first (including <c>unmatched</c> entries, for the record).</param>
/// <param name="Message">A short explanation.</param>
public sealed record TranslationResult(TranslationOutcome Outcome, IReadOnlyList<TranslationMatch> Matches, string Message)
{
    /// <summary>The best usable target (<c>equal</c>/<c>equivalent</c> before wider/narrower/inexact), or <see langword="null"/>.</summary>
    public TranslationMatch? Best => Matches.Where(m => m.IsMatch).OrderBy(m => Rank(m.Equivalence)).FirstOrDefault();

    private static int Rank(string equivalence) => equivalence switch
    {
        "equal" => 0,
        "equivalent" => 1,
        "wider" or "subsumes" => 2,
        "narrower" or "specializes" => 3,
        "relatedto" => 4,
        _ => 5,
    };
}
