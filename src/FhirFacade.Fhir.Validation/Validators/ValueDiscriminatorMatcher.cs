using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>A <c>value</c> or <c>pattern</c> discriminator: the value at the path equals (or contains) the slice's fixed/pattern value.</summary>
internal sealed class ValueDiscriminatorMatcher : ISliceMatcher, ILeafPredicate
{
    private readonly DiscriminatorPath _path;
    private readonly ValueMatcher _value;
    private readonly bool _exact;

    public ValueDiscriminatorMatcher(DiscriminatorPath path, ValueMatcher value, bool exact)
    {
        _path = path;
        _value = value;
        _exact = exact;
    }

    public bool Matches(ElementNode node, ValidationContext context) => _path.Any(node, this);

    public bool Test(ElementNode leaf) => _exact ? _value.MatchesFixed(leaf) : _value.MatchesPattern(leaf);
}
