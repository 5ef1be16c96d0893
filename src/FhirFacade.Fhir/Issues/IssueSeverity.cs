namespace FhirFacade.Fhir.Issues;

/// <summary>OperationOutcome issue severity (<see href="https://hl7.org/fhir/R4/valueset-issue-severity.html"/>).</summary>
public enum IssueSeverity
{
    /// <summary><c>information</c></summary>
    Information,

    /// <summary><c>warning</c></summary>
    Warning,

    /// <summary><c>error</c></summary>
    Error,

    /// <summary><c>fatal</c></summary>
    Fatal,
}
