using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>A test applied to the node a discriminator path leads to.</summary>
internal interface ILeafPredicate
{
    bool Test(ElementNode leaf);
}
