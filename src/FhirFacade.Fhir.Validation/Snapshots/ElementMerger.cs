using System.Text.Json;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>
/// Applies one differential ElementDefinition to the matching base element, following the constraint rules of
/// <see href="https://hl7.org/fhir/R4/profiling.html#snapshot"/>: what the differential states replaces or narrows the
/// base; what it leaves out is inherited.
/// </summary>
internal static class ElementMerger
{
    public static ElementDefinition Merge(ElementDefinition baseElement, ElementDefinition diff, string profileUrl, List<Issue> issues)
    {
        var location = diff.Id;
        var min = diff.Min ?? baseElement.Min;
        var max = diff.Max ?? baseElement.Max;
        if (diff.Min is { } dMin && baseElement.Min is { } bMin && dMin < bMin)
        {
            issues.Add(Error(SnapshotIssueCodes.CardinalityWidened, $"min {dMin} is below the base min {bMin}.", location));
        }

        if (diff.Max is not null && baseElement.Max is not null && MaxWidens(diff.Max, baseElement.Max))
        {
            issues.Add(Error(SnapshotIssueCodes.CardinalityWidened, $"max {diff.Max} is above the base max {baseElement.Max}.", location));
        }

        if (baseElement.Fixed is { } baseFixed && diff.Fixed is { } diffFixed
            && (baseFixed.TypeSuffix != diffFixed.TypeSuffix || !JsonElement.DeepEquals(baseFixed.Value, diffFixed.Value)))
        {
            issues.Add(Error(SnapshotIssueCodes.FixedConflict, "the fixed value differs from the base's fixed value.", location));
        }

        return baseElement with
        {
            Short = diff.Short ?? baseElement.Short,
            Definition = diff.Definition ?? baseElement.Definition,
            Comment = diff.Comment ?? baseElement.Comment,
            Requirements = diff.Requirements ?? baseElement.Requirements,
            Min = min,
            Max = max,
            Types = diff.Types.Count == 0 ? baseElement.Types : MergeTypes(baseElement.Types, diff.Types, location, issues),
            DefaultValue = diff.DefaultValue ?? baseElement.DefaultValue,
            MeaningWhenMissing = diff.MeaningWhenMissing ?? baseElement.MeaningWhenMissing,
            OrderMeaning = diff.OrderMeaning ?? baseElement.OrderMeaning,
            Fixed = diff.Fixed ?? baseElement.Fixed,
            Pattern = diff.Pattern ?? baseElement.Pattern,
            MinValue = diff.MinValue ?? baseElement.MinValue,
            MaxValue = diff.MaxValue ?? baseElement.MaxValue,
            MaxLength = diff.MaxLength ?? baseElement.MaxLength,
            Condition = diff.Condition.Count == 0 ? baseElement.Condition : [.. baseElement.Condition.Union(diff.Condition)],
            Constraints = diff.Constraints.Count == 0 ? baseElement.Constraints : MergeConstraints(baseElement.Constraints, diff.Constraints, profileUrl),
            MustSupport = diff.MustSupport ?? baseElement.MustSupport,
            IsModifier = diff.IsModifier ?? baseElement.IsModifier,
            IsModifierReason = diff.IsModifierReason ?? baseElement.IsModifierReason,
            IsSummary = diff.IsSummary ?? baseElement.IsSummary,
            Binding = MergeBinding(baseElement.Binding, diff.Binding),
            Slicing = MergeSlicing(baseElement.Slicing, diff.Slicing),
            SliceIsConstraining = diff.SliceIsConstraining ?? baseElement.SliceIsConstraining,
        };
    }

    /// <summary>Narrows the base types to the differential's, inheriting profiles the differential does not restate.</summary>
    public static IReadOnlyList<ElementType> MergeTypes(
        IReadOnlyList<ElementType> baseTypes, IReadOnlyList<ElementType> diffTypes, string location, List<Issue> issues)
    {
        if (baseTypes.Count == 0)
        {
            return diffTypes;
        }

        var merged = new List<ElementType>(diffTypes.Count);
        foreach (var diffType in diffTypes)
        {
            var baseType = baseTypes.FirstOrDefault(t => t.Code == diffType.Code);
            if (baseType is null && IsSystemTypeRestatedAsPrimitive(baseTypes, diffType.Code))
            {
                // Core snapshots type Extension.url and Element.id as FHIRPath System.String; differentials restate them as uri/string.
                merged.Add(diffType);
                continue;
            }

            if (baseType is null)
            {
                issues.Add(Error(SnapshotIssueCodes.TypeNotInBase, $"type '{diffType.Code}' is not allowed by the base element.", location));
                merged.Add(diffType);
                continue;
            }

            merged.Add(diffType with
            {
                Profile = diffType.Profile.Count > 0 ? diffType.Profile : baseType.Profile,
                TargetProfile = diffType.TargetProfile.Count > 0 ? diffType.TargetProfile : baseType.TargetProfile,
                Aggregation = diffType.Aggregation.Count > 0 ? diffType.Aggregation : baseType.Aggregation,
            });
        }

        return merged;
    }

    private static bool IsSystemTypeRestatedAsPrimitive(IReadOnlyList<ElementType> baseTypes, string diffCode) =>
        FhirTypeNames.IsPrimitive(diffCode)
        && baseTypes.All(t => t.Code.StartsWith(FhirCanonicals.FhirPathSystemTypePrefix, StringComparison.Ordinal));

    private static List<ElementConstraint> MergeConstraints(
        IReadOnlyList<ElementConstraint> baseConstraints, IReadOnlyList<ElementConstraint> diffConstraints, string profileUrl)
    {
        var merged = new List<ElementConstraint>(baseConstraints);
        foreach (var constraint in diffConstraints)
        {
            var added = constraint.Source is null ? constraint with { Source = profileUrl } : constraint;
            var existing = merged.FindIndex(c => c.Key == constraint.Key);
            if (existing >= 0)
            {
                merged[existing] = added;
            }
            else
            {
                merged.Add(added);
            }
        }

        return merged;
    }

    private static ElementBinding? MergeBinding(ElementBinding? baseBinding, ElementBinding? diffBinding)
    {
        if (diffBinding is null)
        {
            return baseBinding;
        }

        if (baseBinding is null)
        {
            return diffBinding;
        }

        return diffBinding with
        {
            ValueSet = diffBinding.ValueSet ?? baseBinding.ValueSet,
            Description = diffBinding.Description ?? baseBinding.Description,
            MaxValueSet = diffBinding.MaxValueSet ?? baseBinding.MaxValueSet,
        };
    }

    private static ElementSlicing? MergeSlicing(ElementSlicing? baseSlicing, ElementSlicing? diffSlicing)
    {
        if (diffSlicing is null)
        {
            return baseSlicing;
        }

        if (baseSlicing is null || diffSlicing.Discriminators.Count > 0)
        {
            return diffSlicing;
        }

        return diffSlicing with { Discriminators = baseSlicing.Discriminators, Description = diffSlicing.Description ?? baseSlicing.Description };
    }

    private static bool MaxWidens(string diffMax, string baseMax)
    {
        if (baseMax == "*")
        {
            return false;
        }

        if (diffMax == "*")
        {
            return true;
        }

        return int.TryParse(diffMax, out var d) && int.TryParse(baseMax, out var b) && d > b;
    }

    public static Issue Error(string code, string message, string location) =>
        new(code, IssueSeverity.Error, IssueType.Invalid, message, location);

    public static Issue Warning(string code, string message, string location) =>
        new(code, IssueSeverity.Warning, IssueType.Invalid, message, location);
}
