using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>An <c>exists</c> discriminator: the slice requires the element at the path to be present (min ≥ 1) or absent (max = 0).</summary>
internal sealed class ExistsDiscriminatorMatcher : ISliceMatcher, ILeafPredicate
{
    private readonly DiscriminatorPath _path;
    private readonly bool _mustExist;

    public ExistsDiscriminatorMatcher(DiscriminatorPath path, bool mustExist)
    {
        _path = path;
        _mustExist = mustExist;
    }

    public bool Matches(ElementNode node, ValidationContext context) => _path.Any(node, this) == _mustExist;

    public bool Test(ElementNode leaf) => true;
}
