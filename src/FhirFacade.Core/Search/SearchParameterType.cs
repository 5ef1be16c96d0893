namespace FhirFacade.Core.Search;

/// <summary>The FHIR search parameter types the facade supports (<see href="https://hl7.org/fhir/R4/search.html#ptypes"/>).</summary>
public enum SearchParameterType
{
    Token,
    Date,
    String,
    Reference,
}
