using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A validator known only once the whole StructureDefinition is compiled: the target of a
/// <c>contentReference</c> (<c>#Questionnaire.item</c>) within the same definition. Set once by the compiler.
/// </summary>
internal sealed class DeferredValidator : IElementValidator
{
    private IElementValidator? _target;

    public void SetTarget(IElementValidator target) => _target = target;

    public void Validate(ElementNode node, ValidationContext context) => _target?.Validate(node, context);
}
