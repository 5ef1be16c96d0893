namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>A validator that checks one invariant (<c>constraint</c>) identified by its key.</summary>
internal interface IInvariantValidator : IElementValidator
{
    /// <summary>The constraint key (<c>ele-1</c>, <c>ext-1</c>, <c>dom-2</c>).</summary>
    string Key { get; }
}
