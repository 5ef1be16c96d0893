using System.Collections.Concurrent;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// An extension the profile does not name (an <c>extension</c> element without a profile, or an
/// unmatched extension of an open slicing): resolved by its <c>url</c>. A URL that resolves to an
/// Extension StructureDefinition is validated against it; an unknown one is reported (a warning,
/// an error for a modifier extension, which a system must not ignore) and checked against the base Extension.
/// </summary>
internal sealed class ExtensionTarget : IElementValidator
{
    private const string ExtensionType = "Extension";

    private readonly string _elementId;
    private readonly IReadOnlySet<string> _excludedKeys;
    private readonly bool _isModifier;
    private readonly ConcurrentDictionary<string, IElementValidator?> _byUrl = new(StringComparer.Ordinal);
    private volatile IElementValidator? _base;

    public ExtensionTarget(string elementId, IReadOnlySet<string> excludedKeys, bool isModifier)
    {
        _elementId = elementId;
        _excludedKeys = excludedKeys;
        _isModifier = isModifier;
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        var url = node.Child("url")?.Text;
        var schema = url is null ? null : _byUrl.GetOrAdd(url, Resolve, context.Schemas);
        if (schema is not null)
        {
            schema.Validate(node, context);
            return;
        }

        if (url is not null)
        {
            var message = $"{_elementId}: extension {url} is not known; it was checked against the base Extension only";
            if (_isModifier)
            {
                context.Error(ValidationCodes.UnknownExtension, IssueType.Extension, message, node);
            }
            else
            {
                context.Warning(ValidationCodes.UnknownExtension, IssueType.Extension, message, node);
            }
        }

        var baseSchema = _base ??= context.Schemas.ForType(ExtensionType)?.WithoutInvariants(_excludedKeys);
        baseSchema?.Validate(node, context);
    }

    private IElementValidator? Resolve(string url, ISchemaProvider schemas)
    {
        var schema = schemas.ForCanonical(url);
        return schema is { Type: ExtensionType } ? schema.WithoutInvariants(_excludedKeys) : null;
    }
}
