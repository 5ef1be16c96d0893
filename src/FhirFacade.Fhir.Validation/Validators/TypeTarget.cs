using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// The schema an element's value is validated against when the element has no children of its own
/// in the snapshot: its type's StructureDefinition (or the profile on the type). Resolved lazily on
/// first use — types refer to each other in cycles (<c>Reference.identifier.assigner</c>) — and then
/// reused; the element's own invariants are removed from the type's root so none runs twice.
/// </summary>
internal sealed class TypeTarget : IElementValidator
{
    private readonly string _elementId;
    private readonly string _canonical;
    private readonly IReadOnlySet<string> _excludedKeys;
    private readonly bool _invariantsOnly;
    private volatile IElementValidator? _resolved;
    private volatile bool _unresolvable;

    public TypeTarget(string elementId, string canonical, IReadOnlySet<string> excludedKeys, bool invariantsOnly)
    {
        _elementId = elementId;
        _canonical = canonical;
        _excludedKeys = excludedKeys;
        _invariantsOnly = invariantsOnly;
    }

    public string Canonical => _canonical;

    public void Validate(ElementNode node, ValidationContext context)
    {
        var schema = Resolve(context.Schemas);
        if (schema is null)
        {
            context.Warning(ValidationCodes.UnknownProfile, IssueType.NotFound, $"{_elementId}: profile {_canonical} cannot be resolved; the value was not checked against it", node);
            return;
        }

        schema.Validate(node, context);
    }

    public IElementValidator? Resolve(ISchemaProvider schemas)
    {
        if (_resolved is { } resolved)
        {
            return resolved;
        }

        if (_unresolvable)
        {
            return null;
        }

        var schema = schemas.ForCanonical(_canonical);
        if (schema is null)
        {
            _unresolvable = true;
            return null;
        }

        var filtered = schema.WithoutInvariants(_excludedKeys);
        IElementValidator result = _invariantsOnly
            ? new ElementSchema(filtered.Id, filtered.Validators.Where(v => v is IInvariantValidator or PrimitiveLexicalValidator).ToArray())
            : filtered;
        _resolved = result;
        return result;
    }
}
