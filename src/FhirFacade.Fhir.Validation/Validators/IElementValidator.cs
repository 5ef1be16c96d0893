using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// One compiled check of one ElementDefinition facet (cardinality, type, fixed value, binding,
/// invariant…). Instances are immutable and shared by every validation on every thread.
/// </summary>
internal interface IElementValidator
{
    /// <summary>Checks <paramref name="node"/> and appends what is wrong to <paramref name="context"/>.</summary>
    void Validate(ElementNode node, ValidationContext context);
}
