namespace FhirFacade.Fhir.Model;

/// <summary>
/// The kind of a FHIR type, as in <c>StructureDefinition.kind</c>
/// (<see href="https://hl7.org/fhir/R4/valueset-structure-definition-kind.html"/>).
/// </summary>
public enum TypeKind
{
    /// <summary>A primitive type such as <c>string</c>, <c>date</c> or <c>boolean</c>.</summary>
    PrimitiveType,

    /// <summary>A complex data type such as <c>HumanName</c> or <c>Quantity</c>, and anonymous backbone elements.</summary>
    ComplexType,

    /// <summary>A resource type such as <c>Patient</c>.</summary>
    Resource,

    /// <summary>A logical model; never instantiated on the wire.</summary>
    Logical,
}
