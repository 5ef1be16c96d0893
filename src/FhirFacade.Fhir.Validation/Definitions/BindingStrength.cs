namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>How strongly a coded element is bound to its value set (<see href="https://hl7.org/fhir/R4/terminologies.html#strength"/>).</summary>
public enum BindingStrength
{
    /// <summary><c>required</c>: the code must come from the value set.</summary>
    Required,

    /// <summary><c>extensible</c>: the code must come from the value set when a suitable code exists there.</summary>
    Extensible,

    /// <summary><c>preferred</c>: the value set is recommended.</summary>
    Preferred,

    /// <summary><c>example</c>: the value set is only an example.</summary>
    Example,
}
