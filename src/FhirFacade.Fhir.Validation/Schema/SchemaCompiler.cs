using System.Collections.Concurrent;
using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// Compiles a StructureDefinition snapshot into a tree of small immutable validators, one per
/// ElementDefinition facet (cardinality, types, fixed/pattern, maxLength, min/max value, slicing,
/// binding, invariants). Everything that can be decided at compile time is: child lookups, slice
/// matchers, compiled invariant predicates. References to other definitions (types, profiles,
/// extensions) are resolved lazily at first use.
/// </summary>
internal sealed class SchemaCompiler
{
    public const string CoreProfilePrefix = "http://hl7.org/fhir/StructureDefinition/";
    private const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";
    private const string PrimitiveValueElement = "value";

    private static readonly HashSet<string> BindableTypes = new(StringComparer.Ordinal) { "code", "Coding", "CodeableConcept", "string", "uri" };
    private static readonly HashSet<string> ResourceTypes = new(StringComparer.Ordinal) { "Resource", "DomainResource" };
    private static readonly HashSet<string> BackboneTypes = new(StringComparer.Ordinal) { "BackboneElement", "Element" };

    private readonly IInvariantCompiler _invariants;
    private readonly bool _reportUncheckedCodes;
    private readonly ConcurrentDictionary<string, SkippedInvariant> _skipped;
    private readonly ConcurrentDictionary<string, Func<Fhir.Model.ElementNode, bool>?> _compiledExpressions = new(StringComparer.Ordinal);

    public SchemaCompiler(IInvariantCompiler invariants, bool reportUncheckedCodes, ConcurrentDictionary<string, SkippedInvariant> skipped)
    {
        _invariants = invariants;
        _reportUncheckedCodes = reportUncheckedCodes;
        _skipped = skipped;
    }

    public ElementSchema Compile(StructureDefinition definition)
    {
        if (!definition.HasSnapshot)
        {
            throw new ArgumentException($"StructureDefinition {definition.Url} has no snapshot.", nameof(definition));
        }

        var unit = new Unit(definition);
        var root = ElementTreeNode.Build(definition.Snapshot!);
        var validators = CompileBody(root, unit, isRoot: true);
        if (ExtensionContextValidator.Create(definition, _invariants) is { } extensionContext)
        {
            validators.Insert(0, extensionContext);
        }

        var schema = new ElementSchema(
            root.Definition.Id,
            validators,
            definition.Type,
            definition.Url,
            definition.Kind == StructureDefinitionKind.Resource);
        foreach (var (deferred, path) in unit.Deferred)
        {
            if (unit.ByPath.TryGetValue(path, out var target))
            {
                deferred.SetTarget(target);
            }
        }

        return schema;
    }

    private ElementSchema CompileElement(ElementTreeNode node, Unit unit)
    {
        var schema = new ElementSchema(node.Definition.Id, CompileBody(node, unit, isRoot: false));
        if (node.Definition.SliceName is null)
        {
            unit.ByPath.TryAdd(node.Definition.Path, schema);
        }

        return schema;
    }

    private List<IElementValidator> CompileBody(ElementTreeNode node, Unit unit, bool isRoot)
    {
        var element = node.Definition;
        var id = element.Id;
        var validators = new List<IElementValidator>();
        var ownKeys = element.Constraints.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        if (isRoot && unit.Definition.Kind == StructureDefinitionKind.PrimitiveType)
        {
            validators.Add(new PrimitiveLexicalValidator(unit.Definition.Type));
        }

        if (element.ContentReference is { } contentReference)
        {
            var deferred = new DeferredValidator();
            var hash = contentReference.IndexOf('#', StringComparison.Ordinal);
            unit.Deferred.Add((deferred, contentReference[(hash + 1)..]));
            validators.Add(deferred);
        }
        else if (node.Children.Count > 0)
        {
            if (!isRoot && TypeCheckForInlineChildren(element, ownKeys) is { } typeCheck)
            {
                validators.Add(typeCheck);
            }

            validators.Add(CompileChildren(node, unit));
        }
        else if (!isRoot && element.Types.Count > 0)
        {
            validators.AddRange(CompileTypes(element, ownKeys, IsResourceId(element, unit.Definition)));
        }

        AddValueFacets(element, validators);
        AddBinding(element, validators);
        AddInvariants(element, validators, unit.Definition.Url);
        return validators;
    }

    private ChildrenValidator CompileChildren(ElementTreeNode node, Unit unit)
    {
        var slots = new List<ChildSlot>();
        var primitiveRoot = node.Definition.Path == unit.Definition.Type && unit.Definition.Kind == StructureDefinitionKind.PrimitiveType;
        foreach (var child in node.Children)
        {
            // A primitive's value is the node's text, not a child node (checked by PrimitiveLexicalValidator).
            if (primitiveRoot && child.Name == PrimitiveValueElement)
            {
                continue;
            }

            var element = child.Definition;
            var schema = CompileElement(child, unit);
            SlicingValidator? slicing = null;
            if (child.Slices.Count > 0)
            {
                var slices = child.Slices
                    .Select(slice =>
                    {
                        var sliceSchema = CompileElement(slice, unit);
                        return new SliceDefinition(
                            slice.Definition.SliceName!,
                            slice.Definition.Id,
                            slice.Definition.Min ?? 0,
                            ParseMax(slice.Definition.Max),
                            BuildMatcher(element, slice, sliceSchema),
                            sliceSchema);
                    })
                    .ToList();
                var rules = element.Slicing?.Rules ?? SlicingRules.Open;
                slicing = new SlicingValidator(
                    element.Id,
                    slices,
                    schema,
                    rules == SlicingRules.Closed,
                    rules == SlicingRules.OpenAtEnd,
                    element.Slicing?.Ordered ?? false);
            }

            slots.Add(new ChildSlot(child.Name, element.Id, element.Min ?? 0, ParseMax(element.Max), schema, slicing));
        }

        return new ChildrenValidator(node.Definition.Id, slots);
    }

    // R4 types Resource.id as a FHIRPath System.String (fhir-type "string"), but its value is an id (https://hl7.org/fhir/R4/resource.html#id).
    private static bool IsResourceId(ElementDefinition element, StructureDefinition definition) =>
        definition.Kind == StructureDefinitionKind.Resource && element.Path == definition.Type + ".id";

    private static IEnumerable<IElementValidator> CompileTypes(ElementDefinition element, HashSet<string> ownKeys, bool isResourceId)
    {
        if (element.Types.All(t => t.Code.StartsWith(SystemTypePrefix, StringComparison.Ordinal)))
        {
            yield return isResourceId ? new PrimitiveLexicalValidator("id") : SystemPrimitiveValidator.Instance;
            yield break;
        }

        var byType = new Dictionary<string, IElementValidator?>(StringComparer.Ordinal);
        IElementValidator? resource = null;
        var targetProfiles = new List<string>();
        foreach (var type in element.Types)
        {
            var code = type.Code;
            if (code.StartsWith(SystemTypePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (ResourceTypes.Contains(code))
            {
                resource = ResourceTarget.Instance;
                continue;
            }

            if (code == "Reference")
            {
                targetProfiles.AddRange(type.TargetProfile);
            }

            byType[code] = TargetFor(element, code, type.Profile, ownKeys, invariantsOnly: false);
        }

        yield return new TypeValidator(element.Id, byType, resource);
        if (targetProfiles.Count > 0)
        {
            yield return new ReferenceTargetValidator(element.Id, targetProfiles);
        }
    }

    // An element whose children the profile constrains inline still checks the value's type and the
    // type's own root invariants (Period's per-1, a primitive's lexical form), but not the type's children.
    private static TypeValidator? TypeCheckForInlineChildren(ElementDefinition element, HashSet<string> ownKeys)
    {
        if (element.Types.Count == 0 || element.Types.Any(t => BackboneTypes.Contains(t.Code) || t.Code.StartsWith(SystemTypePrefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var byType = new Dictionary<string, IElementValidator?>(StringComparer.Ordinal);
        IElementValidator? resource = null;
        foreach (var type in element.Types)
        {
            if (ResourceTypes.Contains(type.Code))
            {
                resource = ResourceTarget.Instance;
                continue;
            }

            byType[type.Code] = new TypeTarget(element.Id, CoreProfilePrefix + type.Code, ownKeys, invariantsOnly: true);
        }

        return new TypeValidator(element.Id, byType, resource);
    }

    private static IElementValidator TargetFor(ElementDefinition element, string code, IReadOnlyList<string> profiles, HashSet<string> ownKeys, bool invariantsOnly)
    {
        if (profiles.Count == 0)
        {
            return code == "Extension"
                ? new ExtensionTarget(element.Id, ownKeys, element.Name == "modifierExtension")
                : new TypeTarget(element.Id, CoreProfilePrefix + code, ownKeys, invariantsOnly);
        }

        if (profiles.Count == 1)
        {
            return new TypeTarget(element.Id, profiles[0], ownKeys, invariantsOnly);
        }

        return new AnyOfTarget(element.Id, profiles.Select(p => new TypeTarget(element.Id, p, ownKeys, invariantsOnly)).ToList());
    }

    private static void AddValueFacets(ElementDefinition element, List<IElementValidator> validators)
    {
        if (element.Fixed is { } fixedValue)
        {
            validators.Add(new FixedValueValidator(element.Id, ValueMatcher.FromJson(fixedValue.Value)));
        }

        if (element.Pattern is { } pattern)
        {
            validators.Add(new PatternValueValidator(element.Id, ValueMatcher.FromJson(pattern.Value)));
        }

        if (element.MaxLength is { } maxLength and > 0)
        {
            validators.Add(new MaxLengthValidator(element.Id, maxLength));
        }

        if (RangeLimit(element.MinValue) is { } min)
        {
            validators.Add(new ValueRangeValidator(element.Id, min, isMinimum: true));
        }

        if (RangeLimit(element.MaxValue) is { } max)
        {
            validators.Add(new ValueRangeValidator(element.Id, max, isMinimum: false));
        }
    }

    private static string? RangeLimit(ElementValue? value) => value?.Value.ValueKind switch
    {
        null => null,
        System.Text.Json.JsonValueKind.Object => value.Value.TryGetProperty("value", out var v) ? v.GetRawText() : null,
        System.Text.Json.JsonValueKind.String => value.Value.GetString(),
        _ => value.Value.GetRawText(),
    };

    private void AddBinding(ElementDefinition element, List<IElementValidator> validators)
    {
        if (element.Binding is not { } binding || !element.Types.Any(t => BindableTypes.Contains(t.Code)))
        {
            return;
        }

        // BCP-47 tags cannot be expanded locally, but their syntax can be checked: a required binding to
        // all-languages, or all-languages as the maxValueSet of a weaker one (Resource.language).
        var requiredLanguages = binding.Strength == BindingStrength.Required && IsAllLanguages(binding.ValueSet);
        if (requiredLanguages || IsAllLanguages(binding.MaxValueSet))
        {
            validators.Add(new LanguageTagValidator(element.Id, LanguageTags.AllLanguagesValueSet));
        }

        if (requiredLanguages || binding.ValueSet is not { } valueSet || binding.Strength == BindingStrength.Example)
        {
            return;
        }

        var strength = binding.Strength switch
        {
            BindingStrength.Required => BindingValidator.Strength.Required,
            BindingStrength.Extensible => BindingValidator.Strength.Extensible,
            _ => BindingValidator.Strength.Preferred,
        };
        validators.Add(new BindingValidator(element.Id, valueSet, strength, _reportUncheckedCodes));
    }

    private static bool IsAllLanguages(string? valueSet) =>
        valueSet is not null && StripVersion(valueSet) == LanguageTags.AllLanguagesValueSet;

    private void AddInvariants(ElementDefinition element, List<IElementValidator> validators, string canonical)
    {
        foreach (var constraint in element.Constraints)
        {
            if (constraint.Expression is not { Length: > 0 } expression)
            {
                _skipped.TryAdd(constraint.Key, new SkippedInvariant(constraint.Key, canonical, null, "no FHIRPath expression (xpath only)"));
                continue;
            }

            var native = NativeInvariants.FindByKey(constraint.Key, expression) ?? NativeInvariants.Find(expression);
            var predicate = native ?? _compiledExpressions.GetOrAdd(expression, _invariants.TryCompile);
            if (predicate is null)
            {
                _skipped.TryAdd(constraint.Key, new SkippedInvariant(constraint.Key, canonical, expression, "the FHIRPath engine does not support this expression"));
                continue;
            }

            var shortcut = native is null ? InvariantShortcut.Find(expression) : null;
            validators.Add(new InvariantValidator(constraint.Key, constraint.Severity == ConstraintSeverity.Error, constraint.Human, predicate, shortcut));
        }
    }

    private static ISliceMatcher BuildMatcher(ElementDefinition sliced, ElementTreeNode slice, ElementSchema sliceSchema)
    {
        var discriminators = sliced.Slicing?.Discriminators ?? [];
        if (discriminators.Count == 0)
        {
            return new ConformanceSliceMatcher(null, () => sliceSchema);
        }

        var matchers = discriminators.Select(d => BuildDiscriminator(d, slice, sliceSchema)).ToList();
        return matchers.Count == 1 ? matchers[0] : new AllSliceMatcher(matchers);
    }

    private static ISliceMatcher BuildDiscriminator(SlicingDiscriminator discriminator, ElementTreeNode slice, ElementSchema sliceSchema)
    {
        var path = DiscriminatorPath.Parse(discriminator.Path);
        var target = path.IsSimple ? Find(slice, path.ElementNames) : null;
        var fallback = new ConformanceSliceMatcher(null, () => sliceSchema);
        switch (discriminator.Type)
        {
            case DiscriminatorType.Value:
            case DiscriminatorType.Pattern:
                if (target?.Definition.Fixed is { } fixedValue)
                {
                    return new ValueDiscriminatorMatcher(path, ValueMatcher.FromJson(fixedValue.Value), exact: true);
                }

                if (target?.Definition.Pattern is { } pattern)
                {
                    return new ValueDiscriminatorMatcher(path, ValueMatcher.FromJson(pattern.Value), exact: false);
                }

                // Extension slices name their extension by profile; the URL is the profile's canonical.
                if (discriminator.Path == "url" && ExtensionProfile(slice.Definition) is { } profile)
                {
                    return new ValueDiscriminatorMatcher(path, ValueMatcher.FromText(StripVersion(profile)), exact: true);
                }

                return fallback;
            case DiscriminatorType.Type:
                return target is { Definition.Types.Count: > 0 }
                    ? new TypeDiscriminatorMatcher(path, target.Definition.Types.Select(t => t.Code))
                    : fallback;
            case DiscriminatorType.Exists:
                if (target is null)
                {
                    return fallback;
                }

                if (target.Definition.Min >= 1)
                {
                    return new ExistsDiscriminatorMatcher(path, mustExist: true);
                }

                return target.Definition.Max == "0" ? new ExistsDiscriminatorMatcher(path, mustExist: false) : fallback;
            case DiscriminatorType.Profile:
                var profiles = target?.Definition.Types.SelectMany(t => t.Profile).ToList() ?? [];
                if (profiles.Count == 0)
                {
                    return fallback;
                }

                var typeTarget = new TypeTarget(slice.Definition.Id, profiles[0], new HashSet<string>(), invariantsOnly: false);
                return new ConformanceSliceMatcher(path, () => typeTarget);
            default:
                return fallback;
        }
    }

    private static ElementTreeNode? Find(ElementTreeNode slice, IReadOnlyList<string> names)
    {
        var node = slice;
        foreach (var name in names)
        {
            node = node.FindChild(name);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string? ExtensionProfile(ElementDefinition slice) =>
        slice.Types.FirstOrDefault(t => t.Code == "Extension" && t.Profile.Count > 0)?.Profile[0];

    private static string StripVersion(string canonical)
    {
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? canonical : canonical[..bar];
    }

    private static int ParseMax(string? max) => max is null or "*" ? int.MaxValue : int.TryParse(max, out var n) ? n : int.MaxValue;

    private sealed class Unit(StructureDefinition definition)
    {
        public StructureDefinition Definition { get; } = definition;

        public Dictionary<string, IElementValidator> ByPath { get; } = new(StringComparer.Ordinal);

        public List<(DeferredValidator Deferred, string Path)> Deferred { get; } = [];
    }
}
