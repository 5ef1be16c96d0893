using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Validates the occurrences of a sliced element (<see href="https://hl7.org/fhir/R4/profiling.html#slicing"/>):
/// each occurrence goes to the first slice whose discriminators match and is validated against that
/// slice; unmatched ones against the unsliced element. Then rules (<c>closed</c>/<c>open</c>/<c>openAtEnd</c>),
/// <c>ordered</c> and each slice's cardinality.
/// </summary>
internal sealed class SlicingValidator
{
    private const int StackCounts = 32;

    private readonly string _id;
    private readonly SliceDefinition[] _slices;
    private readonly IElementValidator _unsliced;
    private readonly bool _closed;
    private readonly bool _openAtEnd;
    private readonly bool _ordered;

    public SlicingValidator(string id, IReadOnlyList<SliceDefinition> slices, IElementValidator unsliced, bool closed, bool openAtEnd, bool ordered)
    {
        _id = id;
        _slices = [.. slices];
        _unsliced = unsliced;
        _closed = closed;
        _openAtEnd = openAtEnd;
        _ordered = ordered;
    }

    public IReadOnlyList<SliceDefinition> Slices => _slices;

    /// <summary>Validates the children named <paramref name="name"/>; returns how many there were.</summary>
    public int Validate(ElementNode parent, string name, IReadOnlyList<ElementNode> children, ValidationContext context)
    {
        Span<int> counts = _slices.Length <= StackCounts ? stackalloc int[_slices.Length] : new int[_slices.Length];
        var total = 0;
        var lastSlice = -1;
        var sawUnmatched = false;
        foreach (var child in children)
        {
            if (!string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                continue;
            }

            total++;
            var slice = FindSlice(child, context);
            if (slice < 0)
            {
                sawUnmatched = true;
                if (_closed)
                {
                    context.Error(
                        ValidationCodes.SliceClosed,
                        IssueType.Structure,
                        $"{_id}: the slicing is closed and this element matches none of its slices ({string.Join(", ", _slices.Select(s => s.Name))})",
                        child);
                }

                _unsliced.Validate(child, context);
                continue;
            }

            if (_ordered && slice < lastSlice)
            {
                context.Error(
                    ValidationCodes.SliceOrder,
                    IssueType.Structure,
                    $"{_slices[slice].Id}: the slicing is ordered and this element appears after slice '{_slices[lastSlice].Name}'",
                    child);
            }

            if (_openAtEnd && sawUnmatched)
            {
                context.Error(
                    ValidationCodes.SliceOpenAtEnd,
                    IssueType.Structure,
                    $"{_slices[slice].Id}: the slicing is open at the end, but an element matching no slice comes before this one",
                    child);
            }

            lastSlice = Math.Max(lastSlice, slice);
            counts[slice]++;
            _slices[slice].Validator.Validate(child, context);
        }

        for (var i = 0; i < _slices.Length; i++)
        {
            var slice = _slices[i];
            CardinalityCheck.Report(slice.Id, slice.Min, slice.Max, counts[i], parent, name, null, context);
        }

        return total;
    }

    private int FindSlice(ElementNode child, ValidationContext context)
    {
        for (var i = 0; i < _slices.Length; i++)
        {
            if (_slices[i].Matcher.Matches(child, context))
            {
                return i;
            }
        }

        return -1;
    }
}
