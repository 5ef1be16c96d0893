namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// Thrown when a FHIRPath expression is not well formed (<see href="http://hl7.org/fhirpath/N1/#grammar"/>).
/// Expressions are definitions (invariants, slicing discriminators, search parameters), not data, so a
/// bad expression is a bug in the definition and is reported by exception.
/// </summary>
public sealed class FhirPathSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="position">The 0-based character offset in the expression where the problem was found.</param>
    public FhirPathSyntaxException(string message, int position)
        : base($"{message} (at position {position})")
    {
        Position = position;
    }

    /// <summary>The 0-based character offset in the expression where the problem was found.</summary>
    public int Position { get; }
}
