using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary><c>maxLength</c>: a string-like primitive's length limit.</summary>
internal sealed class MaxLengthValidator : IElementValidator
{
    private readonly string _id;
    private readonly int _maxLength;

    public MaxLengthValidator(string id, int maxLength)
    {
        _id = id;
        _maxLength = maxLength;
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (node.Text is { } text && text.Length > _maxLength)
        {
            context.Error(ValidationCodes.MaxLength, IssueType.TooLong, $"{_id}: value is {text.Length} characters long, more than the maximum of {_maxLength}", node);
        }
    }
}
