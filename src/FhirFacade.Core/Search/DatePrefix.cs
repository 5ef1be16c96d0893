namespace FhirFacade.Core.Search;

/// <summary>Comparison prefixes of date parameters (<see href="https://hl7.org/fhir/R4/search.html#prefix"/>).</summary>
public enum DatePrefix
{
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Sa,
    Eb,
    Ap,
}
