namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>The terminology questions the binding validator asks: is this code in that value set?</summary>
internal interface IBindingTerminology
{
    /// <summary>Checks a code against a value set's local expansion.</summary>
    /// <param name="valueSet">The value set canonical (possibly with <c>|version</c>).</param>
    /// <param name="system">The code system, when the value carries one.</param>
    /// <param name="code">The code.</param>
    CodeCheckOutcome Check(string valueSet, string? system, string code);
}
