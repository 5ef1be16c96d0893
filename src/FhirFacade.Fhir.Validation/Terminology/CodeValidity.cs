namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>The answer to "is this code in the value set?".</summary>
public enum CodeValidity
{
    /// <summary>The code is in the value set.</summary>
    Valid,

    /// <summary>The code is definitely not in the value set (or not in its code system).</summary>
    Invalid,

    /// <summary>Cannot check locally: the code system (SNOMED CT, dm+d, Read, LOINC…) or the value set is not available.</summary>
    Unknown,
}
