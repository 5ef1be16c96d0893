using FhirFacade.Fhir.Validation.Terminology;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>Binding checks answered by the local terminology (package CodeSystems and ValueSets).</summary>
internal sealed class LocalTerminologyBinding : IBindingTerminology
{
    private readonly ILocalTerminology _terminology;

    public LocalTerminologyBinding(ILocalTerminology terminology) => _terminology = terminology;

    public CodeCheckOutcome Check(string valueSet, string? system, string code) =>
        _terminology.ValidateCode(valueSet, system, code, display: null).Validity switch
        {
            CodeValidity.Valid => CodeCheckOutcome.Valid,
            CodeValidity.Invalid => CodeCheckOutcome.Invalid,
            _ => CodeCheckOutcome.Unknown,
        };
}
