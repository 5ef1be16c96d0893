namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>Whether elements not matching a slice are allowed (<see href="https://hl7.org/fhir/R4/valueset-resource-slicing-rules.html"/>).</summary>
public enum SlicingRules
{
    /// <summary><c>closed</c>: no other elements are allowed.</summary>
    Closed,

    /// <summary><c>open</c>: other elements may appear anywhere.</summary>
    Open,

    /// <summary><c>openAtEnd</c>: other elements may appear after the slices.</summary>
    OpenAtEnd,
}
