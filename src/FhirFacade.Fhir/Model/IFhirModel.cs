namespace FhirFacade.Fhir.Model;

/// <summary>
/// The FHIR R4 type system, built from the core package's StructureDefinitions: finds a type's
/// definition by name and answers subtype questions (<c>Patient</c> is a <c>DomainResource</c>;
/// <c>Age</c> is a <c>Quantity</c>). Implementations load types lazily and are thread-safe.
/// </summary>
public interface IFhirModel
{
    /// <summary>The definition of a type by name (<c>Patient</c>, <c>HumanName</c>, <c>string</c>), or <see langword="null"/> when unknown.</summary>
    TypeDefinition? FindType(string typeName);

    /// <summary><see langword="true"/> when <paramref name="typeName"/> is <paramref name="ancestorTypeName"/> or derives from it.</summary>
    bool IsSubtypeOf(string typeName, string ancestorTypeName);
}
