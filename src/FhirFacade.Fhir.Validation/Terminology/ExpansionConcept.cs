namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>One code of a value set expansion (<c>ValueSet.expansion.contains</c>).</summary>
/// <param name="System">The code system URL.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">The display, when known.</param>
public sealed record ExpansionConcept(string System, string Code, string? Display);
