using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Validation;

/// <summary>
/// Registered when no UK Core validator is plugged in: it finds nothing, and the gateway logs at
/// start-up that the policy cannot check anything. Replaced by the profile validator.
/// </summary>
internal sealed class UnavailableResourceValidator : IResourceValidator
{
    public IReadOnlyList<Issue> Validate(ElementNode resource) => [];
}
