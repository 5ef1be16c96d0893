using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A type with several allowed profiles (<c>type.profile</c> with more than one entry): the value must
/// conform to at least one. When it conforms to none, the issues against the first are reported.
/// </summary>
internal sealed class AnyOfTarget : IElementValidator
{
    private readonly string _elementId;
    private readonly TypeTarget[] _targets;

    public AnyOfTarget(string elementId, IReadOnlyList<TypeTarget> targets)
    {
        _elementId = elementId;
        _targets = [.. targets];
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        List<Issue>? first = null;
        foreach (var target in _targets)
        {
            var fork = context.Fork();
            target.Validate(node, fork);
            if (!fork.HasErrorsSince(0))
            {
                context.Issues.AddRange(fork.Issues);
                return;
            }

            first ??= fork.Issues;
        }

        context.Error(ValidationCodes.Profile, IssueType.Structure, $"{_elementId}: the value conforms to none of the allowed profiles ({string.Join(", ", _targets.Select(t => t.Canonical))})", node);
        context.Issues.AddRange(first ?? []);
    }
}
