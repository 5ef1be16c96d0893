using System.Collections.Frozen;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// The element's types (<c>ElementDefinition.type</c>): the value's type must be one of them — for a
/// choice element restricted by a profile, one of the remaining ones — and the value is then
/// validated against that type's target (type schema, profile, extension by URL, nested resource).
/// </summary>
internal sealed class TypeValidator : IElementValidator
{
    private readonly string _id;
    private readonly FrozenDictionary<string, IElementValidator?> _byType;
    private readonly IElementValidator? _resource;
    private readonly string _expected;

    /// <param name="id">The element id for messages.</param>
    /// <param name="byType">Allowed type codes, each with the validator of its value (or null when the type needs no further check).</param>
    /// <param name="resource">For elements of type <c>Resource</c>: the nested-resource validator.</param>
    public TypeValidator(string id, IReadOnlyDictionary<string, IElementValidator?> byType, IElementValidator? resource)
    {
        _id = id;
        _byType = byType.ToFrozenDictionary(StringComparer.Ordinal);
        _resource = resource;
        _expected = string.Join(", ", byType.Keys.Concat(resource is null ? [] : ["Resource"]));
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (_byType.TryGetValue(node.InstanceType, out var target))
        {
            target?.Validate(node, context);
            return;
        }

        if (_resource is not null && (node.IsResource || context.Schemas.ForType(node.InstanceType)?.IsResourceType == true))
        {
            _resource.Validate(node, context);
            return;
        }

        context.Error(ValidationCodes.Type, IssueType.Structure, $"{_id}: a value of type '{node.InstanceType}' is not allowed here (allowed: {_expected})", node);
    }
}
