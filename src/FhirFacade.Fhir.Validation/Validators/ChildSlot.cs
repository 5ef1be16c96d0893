using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// One child element of a compiled element: its name, cardinality and the validator each
/// occurrence runs through (its schema, or a <see cref="SlicingValidator"/> for a sliced element).
/// </summary>
internal sealed class ChildSlot
{
    public ChildSlot(string name, string id, int min, int max, IElementValidator validator, SlicingValidator? slicing)
    {
        Name = name;
        Id = id;
        Min = min;
        Max = max;
        Validator = validator;
        Slicing = slicing;
    }

    /// <summary>The element name without choice suffix (<c>value</c>).</summary>
    public string Name { get; }

    /// <summary>The ElementDefinition id, for messages.</summary>
    public string Id { get; }

    public int Min { get; }

    /// <summary>Maximum cardinality; <see cref="int.MaxValue"/> for <c>*</c>.</summary>
    public int Max { get; }

    public IElementValidator Validator { get; }

    public SlicingValidator? Slicing { get; }

    public void Validate(ElementNode parent, IReadOnlyList<ElementNode> children, ValidationContext context)
    {
        var count = 0;
        ElementNode? surplus = null;
        if (Slicing is not null)
        {
            count = Slicing.Validate(parent, Name, children, context);
            if (count > Max)
            {
                surplus = NthNamed(children, Max);
            }
        }
        else
        {
            foreach (var child in children)
            {
                if (!ReferenceEquals(child.Name, Name) && !string.Equals(child.Name, Name, StringComparison.Ordinal))
                {
                    continue;
                }

                count++;
                if (count == Max + 1)
                {
                    surplus = child;
                }

                Validator.Validate(child, context);
            }
        }

        CardinalityCheck.Report(Id, Min, Max, count, parent, Name, surplus, context);
    }

    private ElementNode? NthNamed(IReadOnlyList<ElementNode> children, int n)
    {
        var seen = 0;
        foreach (var child in children)
        {
            if (string.Equals(child.Name, Name, StringComparison.Ordinal) && seen++ == n)
            {
                return child;
            }
        }

        return null;
    }
}
