using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>Decides whether an element belongs to a slice (one discriminator, or all of several).</summary>
internal interface ISliceMatcher
{
    bool Matches(ElementNode node, ValidationContext context);
}
