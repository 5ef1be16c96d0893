namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>No terminology: every code is "cannot be checked", so bindings never raise errors.</summary>
internal sealed class NoTerminology : IBindingTerminology
{
    public static readonly NoTerminology Instance = new();

    public CodeCheckOutcome Check(string valueSet, string? system, string code) => CodeCheckOutcome.Unknown;
}
