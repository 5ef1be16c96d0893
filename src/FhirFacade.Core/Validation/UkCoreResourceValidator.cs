using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;

namespace FhirFacade.Core.Validation;

/// <summary>
/// The UK Core validator on the hot path: each returned resource is validated against the profiles
/// in its <c>meta.profile</c> (UK Core STU2 2.0.2) by the kernel's compiled, cached <see cref="FhirValidator"/>.
/// </summary>
public sealed class UkCoreResourceValidator(FhirValidator validator) : IResourceValidator
{
    public IReadOnlyList<Issue> Validate(ElementNode resource) => validator.Validate(resource).Issues;
}
