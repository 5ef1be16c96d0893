namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>
/// Resolves a StructureDefinition canonical (optionally <c>|version</c>) to a definition that carries a snapshot:
/// core definitions as shipped, differential-only profiles (UK Core) with a generated snapshot. Thread-safe.
/// </summary>
public interface IStructureDefinitionResolver
{
    /// <summary>The definition with its snapshot, or <see langword="null"/> when no loaded package defines the canonical.</summary>
    StructureDefinition? Resolve(string canonical);
}
