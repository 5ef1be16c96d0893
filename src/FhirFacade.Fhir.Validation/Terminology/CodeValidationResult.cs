namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>The outcome of validating a code against a value set.</summary>
/// <param name="Validity">Valid, invalid, or cannot check.</param>
/// <param name="Message">Why, for the validator's issue text (no patient data).</param>
/// <param name="ExpectedDisplay">The display the code system gives the code, when known.</param>
/// <param name="DisplayMatches"><see langword="false"/> when a display was given and differs from the known one; <see langword="null"/> when not checked.</param>
public sealed record CodeValidationResult(
    CodeValidity Validity,
    string Message,
    string? ExpectedDisplay = null,
    bool? DisplayMatches = null)
{
    /// <summary><see langword="true"/> when <see cref="Validity"/> is <see cref="CodeValidity.Valid"/>.</summary>
    public bool IsValid => Validity == CodeValidity.Valid;
}
