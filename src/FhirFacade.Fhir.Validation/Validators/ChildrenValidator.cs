using System.Collections.Frozen;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Validates the children of an element against the child ElementDefinitions: unknown elements,
/// then each child slot's cardinality, slicing and schema.
/// </summary>
internal sealed class ChildrenValidator : IElementValidator
{
    private readonly ChildSlot[] _slots;
    private readonly FrozenSet<string> _names;
    private readonly string _ownerId;

    public ChildrenValidator(string ownerId, IReadOnlyList<ChildSlot> slots)
    {
        _ownerId = ownerId;
        _slots = [.. slots];
        _names = slots.Select(s => s.Name).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<ChildSlot> Slots => _slots;

    public void Validate(ElementNode node, ValidationContext context)
    {
        var children = node.Children;
        if (children.Count > 0)
        {
            foreach (var child in children)
            {
                if (!_names.Contains(child.Name))
                {
                    context.Error(
                        ValidationCodes.UnknownElement,
                        IssueType.Structure,
                        $"{_ownerId}: element '{child.Name}' is not defined here",
                        child);
                }
            }
        }

        foreach (var slot in _slots)
        {
            if (slot.Min == 0 && children.Count == 0)
            {
                continue;
            }

            slot.Validate(node, children, context);
        }
    }
}
