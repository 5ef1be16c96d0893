using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;

namespace FhirFacade.Core.Validation;

/// <summary>
/// The gateway's validation port over the kernel's compiled profile validator: each resource is
/// checked against the profiles in its <c>meta.profile</c> (the mappers set its UK Core profile),
/// or its core type. What happens with the issues is the <see cref="ValidationOptions"/> policy.
/// </summary>
public sealed class UkCoreResourceValidator(FhirValidator validator) : IResourceValidator
{
    public IReadOnlyList<Issue> Validate(ElementNode resource) => validator.Validate(resource).Issues;

    /// <summary>Compiles the UK Core profiles the facade serves, so the first request does not pay for it.</summary>
    public IReadOnlyList<string> Precompile() => validator.Precompile(UkCoreProfiles.ByResourceType.Values);
}
