namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>The answer of a local terminology check.</summary>
internal enum CodeCheckOutcome
{
    /// <summary>The code is in the value set.</summary>
    Valid,

    /// <summary>The code is provably not in the value set.</summary>
    Invalid,

    /// <summary>Cannot be decided locally (SNOMED CT, dm+d, value set not expandable).</summary>
    Unknown,
}
