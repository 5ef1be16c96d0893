namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>How a StructureDefinition relates to its base (<see href="https://hl7.org/fhir/R4/valueset-type-derivation-rule.html"/>).</summary>
public enum TypeDerivation
{
    /// <summary><c>specialization</c>: a new type.</summary>
    Specialization,

    /// <summary><c>constraint</c>: a profile on an existing type.</summary>
    Constraint,
}
