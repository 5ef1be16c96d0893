using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// Where the validator gets StructureDefinitions from: by canonical URL (optionally <c>|version</c>),
/// with a snapshot (core definitions as shipped, UK Core profiles generated). Thread-safe.
/// </summary>
public interface IStructureDefinitionSource
{
    /// <summary>The definition, with its snapshot, or <see langword="null"/> when unknown or when no snapshot can be had.</summary>
    StructureDefinition? Resolve(string canonical);
}
