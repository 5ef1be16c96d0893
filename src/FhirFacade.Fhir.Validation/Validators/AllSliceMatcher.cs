using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>Several discriminators: the element belongs to the slice when every one matches.</summary>
internal sealed class AllSliceMatcher : ISliceMatcher
{
    private readonly ISliceMatcher[] _matchers;

    public AllSliceMatcher(IReadOnlyList<ISliceMatcher> matchers) => _matchers = [.. matchers];

    public bool Matches(ElementNode node, ValidationContext context)
    {
        foreach (var matcher in _matchers)
        {
            if (!matcher.Matches(node, context))
            {
                return false;
            }
        }

        return true;
    }
}
