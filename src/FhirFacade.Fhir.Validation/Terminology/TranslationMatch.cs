namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>One target of a ConceptMap translation (<c>ConceptMap.group.element.target</c>).</summary>
/// <param name="System">The target code system.</param>
/// <param name="Code">The target code; <see langword="null"/> for an <c>unmatched</c> entry.</param>
/// <param name="Display">The target display, when given.</param>
/// <param name="Equivalence">The R4 equivalence code (<c>equivalent</c>, <c>wider</c>, <c>narrower</c>, <c>inexact</c>, <c>unmatched</c>…).</param>
/// <param name="ConceptMap">The canonical of the ConceptMap that gave the answer.</param>
/// <param name="Comment">The map's comment, when given.</param>
public sealed record TranslationMatch(
    string System,
    string? Code,
    string? Display,
    string Equivalence,
    string ConceptMap,
    string? Comment = null)
{
    /// <summary><see langword="true"/> when the target is usable: it has a code and the equivalence is not <c>unmatched</c> or <c>disjoint</c>.</summary>
    public bool IsMatch => Code is not null && Equivalence is not ("unmatched" or "disjoint");
}
