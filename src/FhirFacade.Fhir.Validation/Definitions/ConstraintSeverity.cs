namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>The severity of an invariant (<see href="https://hl7.org/fhir/R4/valueset-constraint-severity.html"/>).</summary>
public enum ConstraintSeverity
{
    /// <summary><c>error</c>: a resource breaking it is invalid.</summary>
    Error,

    /// <summary><c>warning</c>: a resource breaking it only gets a warning.</summary>
    Warning,
}
