using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>
/// Generates the snapshot of a differential-only StructureDefinition
/// (<see href="https://hl7.org/fhir/R4/profiling.html#snapshot"/>): takes the base definition's snapshot, applies
/// each differential element to the matching base element (by element id, slices by slice name), inserts new
/// slices after the sliced element and its children, and unfolds the children of data types and type profiles
/// (extension definitions) wherever the differential constrains inside them or an extension slice names its
/// definition. Choice elements keep their <c>[x]</c> path in the snapshot; a differential that names one type
/// (<c>valueQuantity</c>) restricts <c>value[x]</c> to that type. Bad definitions produce <see cref="Issue"/>s, not exceptions.
/// </summary>
public sealed class SnapshotGenerator
{
    /// <summary>Changes whenever generation output changes, so that cached snapshots are regenerated.</summary>
    public const string GeneratorVersion = "4";

    private readonly IStructureDefinitionResolver _resolver;

    /// <summary>Creates a generator that finds base definitions and type profiles through <paramref name="resolver"/>.</summary>
    public SnapshotGenerator(IStructureDefinitionResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
    }

    /// <summary>Generates the snapshot of <paramref name="differentialSd"/> from its base definition's snapshot.</summary>
    public SnapshotResult Generate(StructureDefinition differentialSd)
    {
        ArgumentNullException.ThrowIfNull(differentialSd);
        var issues = new List<Issue>();
        var run = new Run(this, differentialSd, issues);
        var snapshot = run.Execute();
        return new SnapshotResult(differentialSd with { Snapshot = snapshot }, issues);
    }

    private sealed class Run(SnapshotGenerator owner, StructureDefinition profile, List<Issue> issues)
    {
        private SnapshotNode? _root;

        public List<ElementDefinition> Execute()
        {
            var baseSd = profile.BaseDefinition is { } baseUrl ? owner._resolver.Resolve(baseUrl) : null;
            if (baseSd?.Snapshot is not { Count: > 0 } baseSnapshot)
            {
                issues.Add(ElementMerger.Error(
                    SnapshotIssueCodes.BaseNotFound,
                    $"the base definition '{profile.BaseDefinition}' could not be resolved with a snapshot.",
                    profile.Url));
                return [.. profile.Differential];
            }

            var orphans = new List<string>();
            _root = SnapshotNode.Build(baseSnapshot, orphans)!;
            foreach (var orphan in orphans)
            {
                issues.Add(ElementMerger.Warning(SnapshotIssueCodes.BadElementId, "base snapshot element has no parent; dropped.", orphan));
            }

            foreach (var diff in profile.Differential)
            {
                Apply(diff);
            }

            var result = new List<ElementDefinition>(baseSnapshot.Count + profile.Differential.Count * 4);
            _root.Flatten(result);
            return result;
        }

        private void Apply(ElementDefinition diff)
        {
            var id = string.IsNullOrEmpty(diff.Id) ? ElementIds.FromPath(diff.Path, diff.SliceName) : diff.Id;
            var segments = ElementIds.Segments(id);
            var node = _root!;
            if (segments[0].Name != node.Definition.Name)
            {
                issues.Add(ElementMerger.Error(SnapshotIssueCodes.ElementNotFound, $"the root '{segments[0].Name}' does not match the base type '{node.Definition.Path}'.", id));
                return;
            }

            for (var i = 1; i < segments.Count; i++)
            {
                var (name, slice) = segments[i];
                string? restrictedType = null;
                EnsureChildren(node, id);
                var child = node.FindChild(name) ?? FindRenamedChoice(node, name, out restrictedType);
                if (child is null)
                {
                    issues.Add(ElementMerger.Error(SnapshotIssueCodes.ElementNotFound, $"no element '{name}' under '{node.Definition.Id}' in the base.", id));
                    return;
                }

                if (restrictedType is not null)
                {
                    RestrictChoice(child, restrictedType, id);
                }

                node = slice is null ? child : child.FindSlice(slice) ?? CreateSlice(child, slice, id);
            }

            var previousProfile = ExtensionProfile(node.Definition);
            var diffToApply = diff with { Id = node.Definition.Id, Path = node.Definition.Path, SliceName = node.Definition.SliceName };
            node.Definition = ElementMerger.Merge(node.Definition, diffToApply, profile.Url, issues);
            if (ExtensionProfile(node.Definition) is { } extensionProfile
                && (extensionProfile != previousProfile || node.Children.Count == 0))
            {
                UnfoldExtension(node, extensionProfile, diff, id);
            }
        }

        private static SnapshotNode? FindRenamedChoice(SnapshotNode parent, string name, out string? restrictedType)
        {
            restrictedType = null;
            foreach (var child in parent.Children)
            {
                var childName = child.Definition.Name;
                if (!child.Definition.IsChoice)
                {
                    continue;
                }

                var prefix = childName[..^3];
                if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(name[prefix.Length]))
                {
                    restrictedType = FhirTypeNames.FromSuffix(name[prefix.Length..]);
                    return child;
                }
            }

            return null;
        }

        private void RestrictChoice(SnapshotNode choice, string typeCode, string location)
        {
            var types = choice.Definition.Types;
            if (types.Count == 1 && types[0].Code == typeCode)
            {
                return;
            }

            var match = types.FirstOrDefault(t => t.Code == typeCode);
            if (match is null)
            {
                issues.Add(ElementMerger.Error(SnapshotIssueCodes.TypeNotInBase, $"type '{typeCode}' is not allowed by '{choice.Definition.Id}'.", location));
                return;
            }

            choice.Definition = choice.Definition with { Types = [match] };
            choice.Children.Clear();
            choice.UnfoldedFrom = null;
        }

        private SnapshotNode CreateSlice(SnapshotNode sliced, string sliceName, string location)
        {
            var definition = sliced.Definition;
            if (definition.Slicing is null)
            {
                if (IsExtensionElement(definition))
                {
                    definition = definition with { Slicing = DefaultExtensionSlicing };
                }
                else if (definition.IsChoice)
                {
                    definition = definition with { Slicing = DefaultChoiceSlicing };
                }
                else
                {
                    issues.Add(ElementMerger.Warning(SnapshotIssueCodes.SliceWithoutSlicing, $"slice '{sliceName}' is defined on an element without slicing; open slicing assumed.", location));
                    definition = definition with { Slicing = new ElementSlicing([], SlicingRules.Open) };
                }

                sliced.Definition = definition;
            }

            var sliceId = definition.Id + ":" + sliceName;
            var slice = new SnapshotNode(definition with
            {
                Id = sliceId,
                SliceName = sliceName,
                Slicing = null,
                Min = 0,
                Types = ChoiceSliceTypes(definition, sliceName),
            })
            {
                UnfoldedFrom = sliced.UnfoldedFrom,
            };
            foreach (var child in sliced.Children)
            {
                slice.Children.Add(child.CloneRebased(definition.Id, sliceId, definition.Path, definition.Path));
            }

            sliced.Slices.Add(slice);
            return slice;
        }

        private static readonly ElementSlicing DefaultExtensionSlicing = new(
            [new SlicingDiscriminator(DiscriminatorType.Value, "url")],
            SlicingRules.Open,
            Ordered: false,
            Description: "Extensions are always sliced by (at least) url");

        private static readonly ElementSlicing DefaultChoiceSlicing = new(
            [new SlicingDiscriminator(DiscriminatorType.Type, "$this")],
            SlicingRules.Open,
            Ordered: false);

        /// <summary>A type slice of a choice (<c>value[x]:valueQuantity</c>) allows only the type its name gives.</summary>
        private static IReadOnlyList<ElementType> ChoiceSliceTypes(ElementDefinition choice, string sliceName)
        {
            if (!choice.IsChoice)
            {
                return choice.Types;
            }

            var prefix = choice.Name[..^3];
            if (sliceName.Length <= prefix.Length || !sliceName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return choice.Types;
            }

            var typeCode = FhirTypeNames.FromSuffix(sliceName[prefix.Length..]);
            var match = choice.Types.FirstOrDefault(t => t.Code == typeCode);
            return match is null ? choice.Types : [match];
        }

        private static bool IsExtensionElement(ElementDefinition element) =>
            element.Types.Count == 1 && element.Types[0].Code == FhirCanonicals.ExtensionType;

        private static string? ExtensionProfile(ElementDefinition element) =>
            IsExtensionElement(element) && element.Types[0].Profile.Count == 1 ? element.Types[0].Profile[0] : null;

        private void UnfoldExtension(SnapshotNode node, string extensionProfile, ElementDefinition diff, string location)
        {
            var extension = owner._resolver.Resolve(extensionProfile);
            if (extension?.Snapshot is not { Count: > 0 } snapshot)
            {
                issues.Add(ElementMerger.Warning(SnapshotIssueCodes.TypeProfileNotFound, $"extension definition '{extensionProfile}' could not be resolved.", location));
                return;
            }

            var root = snapshot[0];
            var definition = node.Definition;
            if (diff.Max is null && root.MaxAsInt is { } rootMax && (definition.MaxAsInt is null || rootMax < definition.MaxAsInt))
            {
                definition = definition with { Max = root.Max };
            }

            node.Definition = definition with
            {
                Short = diff.Short ?? root.Short ?? definition.Short,
                Definition = diff.Definition ?? root.Definition ?? definition.Definition,
            };
            node.Children.Clear();
            AttachChildren(node, snapshot, extensionProfile, location);
        }

        private void EnsureChildren(SnapshotNode node, string location)
        {
            if (node.Children.Count > 0)
            {
                return;
            }

            var definition = node.Definition;
            if (definition.ContentReference is { } reference)
            {
                UnfoldContentReference(node, reference, location);
                return;
            }

            var codes = definition.Types.Select(t => t.Code).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count != 1)
            {
                issues.Add(ElementMerger.Error(SnapshotIssueCodes.CannotUnfold, $"cannot unfold the children of '{definition.Id}': it has {codes.Count} types.", location));
                return;
            }

            var type = definition.Types[0];
            StructureDefinition? typeSd = null;
            var source = FhirCanonicals.ForCoreType(codes[0]);
            if (type.Profile.Count == 1)
            {
                typeSd = owner._resolver.Resolve(type.Profile[0]);
                if (typeSd?.HasSnapshot == true)
                {
                    source = type.Profile[0];
                }
                else
                {
                    issues.Add(ElementMerger.Warning(SnapshotIssueCodes.TypeProfileNotFound, $"type profile '{type.Profile[0]}' could not be resolved; using the base type.", location));
                    typeSd = null;
                }
            }

            typeSd ??= owner._resolver.Resolve(source);
            if (typeSd?.Snapshot is not { Count: > 0 } snapshot)
            {
                issues.Add(ElementMerger.Error(SnapshotIssueCodes.CannotUnfold, $"no definition with a snapshot for type '{codes[0]}'.", location));
                return;
            }

            AttachChildren(node, snapshot, source, location);
        }

        private void AttachChildren(SnapshotNode node, IReadOnlyList<ElementDefinition> typeSnapshot, string source, string location)
        {
            var typeRoot = typeSnapshot[0];
            var definition = node.Definition;
            var isPrimitive = typeSnapshot.Count > 1 && FhirTypeNames.IsPrimitive(typeRoot.Path);
            var rebased = new List<ElementDefinition>(typeSnapshot.Count) { definition };
            for (var i = 1; i < typeSnapshot.Count; i++)
            {
                var element = typeSnapshot[i];
                if (isPrimitive && element.Path == typeRoot.Path + ".value")
                {
                    continue;
                }

                rebased.Add(SnapshotNode.Rebase(element, typeRoot.Id, definition.Id, typeRoot.Path, definition.Path));
            }

            var orphans = new List<string>();
            var unfolded = SnapshotNode.Build(rebased, orphans)!;
            foreach (var orphan in orphans)
            {
                issues.Add(ElementMerger.Warning(SnapshotIssueCodes.BadElementId, "type snapshot element has no parent; dropped.", orphan));
            }

            if (unfolded.Children.Count == 0)
            {
                issues.Add(ElementMerger.Error(SnapshotIssueCodes.CannotUnfold, $"type '{typeRoot.Path}' has no children to constrain.", location));
            }

            node.Children.AddRange(unfolded.Children);
            node.UnfoldedFrom = source;
        }

        private void UnfoldContentReference(SnapshotNode node, string reference, string location)
        {
            var targetId = reference.StartsWith('#') ? reference[1..] : reference;
            var segments = ElementIds.Segments(targetId);
            var target = _root!;
            for (var i = 1; i < segments.Count && target is not null; i++)
            {
                target = target.FindChild(segments[i].Name);
            }

            if (target is null || target.Children.Count == 0)
            {
                issues.Add(ElementMerger.Error(SnapshotIssueCodes.CannotUnfold, $"content reference '{reference}' could not be resolved.", location));
                return;
            }

            var definition = node.Definition;
            foreach (var child in target.Children)
            {
                node.Children.Add(child.CloneRebased(target.Definition.Id, definition.Id, target.Definition.Path, definition.Path));
            }
        }
    }
}
