using System.Collections.Frozen;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>A <c>type</c> discriminator: the element at the path has one of the slice's types.</summary>
internal sealed class TypeDiscriminatorMatcher : ISliceMatcher, ILeafPredicate
{
    private readonly DiscriminatorPath _path;
    private readonly FrozenSet<string> _types;

    public TypeDiscriminatorMatcher(DiscriminatorPath path, IEnumerable<string> types)
    {
        _path = path;
        _types = types.ToFrozenSet(StringComparer.Ordinal);
    }

    public bool Matches(ElementNode node, ValidationContext context) => _path.Any(node, this);

    public bool Test(ElementNode leaf) => _types.Contains(leaf.InstanceType);
}
