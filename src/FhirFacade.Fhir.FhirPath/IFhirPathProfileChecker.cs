using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// Answers <c>conformsTo(url)</c> (<see href="https://hl7.org/fhir/R4/fhirpath.html#functions"/>) for the
/// FHIRPath engine; the validator supplies the implementation. Without one, <c>conformsTo</c> returns empty.
/// </summary>
public interface IFhirPathProfileChecker
{
    /// <summary>Whether the node conforms to the profile.</summary>
    /// <returns><see langword="true"/>/<see langword="false"/>, or <see langword="null"/> when the answer cannot be given.</returns>
    /// <exception cref="FhirPathEvaluationException">When <paramref name="profileUrl"/> names no known profile (the specification makes that an error).</exception>
    bool? ConformsTo(ElementNode node, string profileUrl);
}
