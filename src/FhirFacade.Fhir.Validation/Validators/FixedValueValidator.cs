using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary><c>fixed[x]</c>: the value must equal the fixed value exactly.</summary>
internal sealed class FixedValueValidator : IElementValidator
{
    private readonly string _id;
    private readonly ValueMatcher _value;

    public FixedValueValidator(string id, ValueMatcher value)
    {
        _id = id;
        _value = value;
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (!_value.MatchesFixed(node))
        {
            context.Error(ValidationCodes.Fixed, IssueType.Value, $"{_id}: value must be exactly {_value}", node);
        }
    }
}
