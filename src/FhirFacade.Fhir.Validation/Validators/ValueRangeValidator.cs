using System.Globalization;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// <c>minValue[x]</c>/<c>maxValue[x]</c> for numbers (integer, decimal and Quantity values) and for
/// dates/times written to the same precision (ISO 8601 text then orders lexically).
/// </summary>
internal sealed class ValueRangeValidator : IElementValidator
{
    private readonly string _id;
    private readonly string _limit;
    private readonly bool _isMinimum;

    public ValueRangeValidator(string id, string limit, bool isMinimum)
    {
        _id = id;
        _limit = limit;
        _isMinimum = isMinimum;
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        var text = node.InstanceType == "Quantity" ? node.Child("value")?.Text : node.Text;
        if (text is null)
        {
            return;
        }

        int comparison;
        if (decimal.TryParse(_limit, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            comparison = value.CompareTo(limit);
        }
        else if (text.Length == _limit.Length)
        {
            comparison = string.CompareOrdinal(text, _limit);
        }
        else
        {
            return;
        }

        if (_isMinimum && comparison < 0)
        {
            context.Error(ValidationCodes.MinValue, IssueType.Value, $"{_id}: value is less than the minimum {_limit}", node);
        }
        else if (!_isMinimum && comparison > 0)
        {
            context.Error(ValidationCodes.MaxValue, IssueType.Value, $"{_id}: value is greater than the maximum {_limit}", node);
        }
    }
}
