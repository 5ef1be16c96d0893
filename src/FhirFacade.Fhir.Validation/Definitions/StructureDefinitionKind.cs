namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>What a StructureDefinition defines (<see href="https://hl7.org/fhir/R4/valueset-structure-definition-kind.html"/>).</summary>
public enum StructureDefinitionKind
{
    /// <summary><c>primitive-type</c></summary>
    PrimitiveType,

    /// <summary><c>complex-type</c></summary>
    ComplexType,

    /// <summary><c>resource</c></summary>
    Resource,

    /// <summary><c>logical</c></summary>
    Logical,
}
