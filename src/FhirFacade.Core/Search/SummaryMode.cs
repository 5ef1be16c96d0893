namespace FhirFacade.Core.Search;

/// <summary>The <c>_summary</c> result parameter (<see href="https://hl7.org/fhir/R4/search.html#summary"/>).</summary>
public enum SummaryMode
{
    /// <summary>No summary (<c>_summary=false</c> or absent).</summary>
    None,

    /// <summary><c>_summary=true</c>: only elements marked summary in the base definition.</summary>
    True,

    /// <summary><c>_summary=count</c>: only the total, no entries.</summary>
    Count,

    /// <summary><c>_summary=data</c>: everything but the narrative.</summary>
    Data,
}
