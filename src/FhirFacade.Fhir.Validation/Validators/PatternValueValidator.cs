using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary><c>pattern[x]</c>: the value must contain everything the pattern holds.</summary>
internal sealed class PatternValueValidator : IElementValidator
{
    private readonly string _id;
    private readonly ValueMatcher _value;

    public PatternValueValidator(string id, ValueMatcher value)
    {
        _id = id;
        _value = value;
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (!_value.MatchesPattern(node))
        {
            context.Error(ValidationCodes.Pattern, IssueType.Value, $"{_id}: value must match the pattern {_value}", node);
        }
    }
}
