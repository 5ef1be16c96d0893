using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Validation;

/// <summary>
/// Validates a resource against the UK Core profile named in its <c>meta.profile</c> (or the base
/// definition when it names none). Runs on the hot path of every response: synchronous and fast.
/// </summary>
public interface IResourceValidator
{
    /// <summary>The issues found; none (or only non-errors) means valid.</summary>
    IReadOnlyList<Issue> Validate(ElementNode resource);
}
