namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>Where an element was first defined, with its cardinality there (<c>ElementDefinition.base</c>).</summary>
/// <param name="Path">The path in the defining type, e.g. <c>Resource.id</c>.</param>
/// <param name="Min">The minimum cardinality there.</param>
/// <param name="Max">The maximum cardinality there (<c>*</c> or a number).</param>
public sealed record ElementBase(string Path, int Min, string Max);
