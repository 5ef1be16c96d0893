using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.TestKit.Server;

/// <summary>A validator for tests: reports an error for every resource whose id is in <see cref="InvalidIds"/>.</summary>
public sealed class FakeResourceValidator : IResourceValidator
{
    public HashSet<string> InvalidIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Issue> Validate(ElementNode resource)
    {
        var id = resource.Child("id")?.Text;
        return id is not null && InvalidIds.Contains(id)
            ? [new Issue("VAL-FAKE", IssueSeverity.Error, IssueType.Invariant, "Fake validation error.", resource.Name + ".id")]
            : [];
    }
}
