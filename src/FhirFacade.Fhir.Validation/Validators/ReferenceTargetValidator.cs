using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// <c>Reference(targetProfile)</c>: the referenced resource's type must be one of the target types.
/// The type is taken from the resolved target when it is inside the instance (contained, Bundle
/// entry) and otherwise from the literal reference (<c>Patient/123</c>). A resolved target is also
/// checked against the target profiles when they are not core types. <c>Reference.type</c>, when given,
/// must be one of the target types too (<see href="https://hl7.org/fhir/R4/references.html#Reference"/>:
/// "the expected type of the target of the reference").
/// </summary>
internal sealed class ReferenceTargetValidator : IElementValidator
{
    private const string CorePrefix = "http://hl7.org/fhir/StructureDefinition/";

    private readonly string _elementId;
    private readonly string[] _targetProfiles;
    private volatile string[]? _targetTypes;

    public ReferenceTargetValidator(string elementId, IReadOnlyList<string> targetProfiles)
    {
        _elementId = elementId;
        _targetProfiles = [.. targetProfiles];
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (node.InstanceType != "Reference")
        {
            return;
        }

        var reference = node.Child("reference")?.Text;
        var declaredType = node.Child("type")?.Text;
        if (reference is null && declaredType is null)
        {
            return;
        }

        var types = _targetTypes ??= ResolveTypes(context.Schemas);
        if (types.Contains("Resource"))
        {
            return;
        }

        if (declaredType is not null && !types.Contains(TypeName(declaredType)))
        {
            context.Error(
                ValidationCodes.ReferenceTarget,
                IssueType.Structure,
                $"{_elementId}: Reference.type is {declaredType}, but only {string.Join(", ", types)} are allowed",
                node);
            return;
        }

        if (reference is null)
        {
            return;
        }

        var target = ReferenceResolver.Resolve(node, reference);
        var type = target?.InstanceType ?? ReferenceResolver.TypeOf(reference);
        if (type is null)
        {
            return;
        }

        if (!types.Contains(type))
        {
            context.Error(
                ValidationCodes.ReferenceTarget,
                IssueType.Structure,
                $"{_elementId}: the reference points to a {type}, but only {string.Join(", ", types)} are allowed",
                node);
            return;
        }

        if (target is not null && target.Name != "contained")
        {
            CheckProfiles(node, target, context);
        }
    }

    // A Bundle entry that must conform to a UK Core profile: the target is validated on its own as an entry too,
    // so here only conformance is asked, quietly.
    private void CheckProfiles(ElementNode node, ElementNode target, ValidationContext context)
    {
        var checkedAny = false;
        foreach (var profile in _targetProfiles)
        {
            if (profile.StartsWith(CorePrefix, StringComparison.Ordinal))
            {
                return;
            }

            var schema = context.Schemas.ForCanonical(profile);
            if (schema is null || schema.Type != target.InstanceType)
            {
                continue;
            }

            checkedAny = true;
            var fork = context.Fork();
            schema.Validate(target, fork);
            if (!fork.HasErrorsSince(0))
            {
                return;
            }
        }

        if (checkedAny)
        {
            context.Error(
                ValidationCodes.ReferenceTarget,
                IssueType.Structure,
                $"{_elementId}: the referenced {target.InstanceType} conforms to none of {string.Join(", ", _targetProfiles)}",
                node);
        }
    }

    // Reference.type is a uri: a resource type name, or (rarely) the type's canonical.
    private static string TypeName(string declaredType) =>
        declaredType.StartsWith(CorePrefix, StringComparison.Ordinal) ? declaredType[CorePrefix.Length..] : declaredType;

    private string[] ResolveTypes(ISchemaProvider schemas)
    {
        var types = new List<string>();
        foreach (var profile in _targetProfiles)
        {
            var type = profile.StartsWith(CorePrefix, StringComparison.Ordinal) ? profile[CorePrefix.Length..] : schemas.ForCanonical(profile)?.Type;
            if (type is not null && !types.Contains(type))
            {
                types.Add(type);
            }
        }

        return types.Count == 0 ? ["Resource"] : [.. types];
    }
}
