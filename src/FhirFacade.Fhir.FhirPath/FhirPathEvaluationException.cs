namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// Thrown when evaluation hits a condition the FHIRPath specification defines as an error: a function
/// that needs a single item receiving several (<c>single()</c>, operators on collections), operands of
/// incompatible types (<c>'a' - 'b'</c>, <c>@2020-01-01 + 7</c>), a non-boolean criterion, an unknown
/// function or type, or a path naming an element its type does not have. Everything else that goes
/// wrong with data (unparseable values, missing elements) yields an empty collection instead.
/// </summary>
public sealed class FhirPathEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FhirPathEvaluationException(string message)
        : base(message)
    {
    }
}
