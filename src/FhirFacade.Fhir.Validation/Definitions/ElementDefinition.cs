namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>
/// One element of a StructureDefinition's differential or snapshot
/// (<see href="https://hl7.org/fhir/R4/elementdefinition.html"/>). Immutable; in a differential every
/// property left <see langword="null"/> (or an empty list) means "not constrained here".
/// </summary>
public sealed record ElementDefinition
{
    /// <summary>The element id, e.g. <c>Patient.identifier:nhsNumber.system</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The element path, e.g. <c>Patient.identifier.system</c> (no slice names).</summary>
    public required string Path { get; init; }

    /// <summary>The slice name when this element is a slice entry (<c>nhsNumber</c>).</summary>
    public string? SliceName { get; init; }

    /// <summary><c>sliceIsConstraining</c>: this slice constrains an inherited slice of the same name.</summary>
    public bool? SliceIsConstraining { get; init; }

    /// <summary>The short description.</summary>
    public string? Short { get; init; }

    /// <summary>The full definition.</summary>
    public string? Definition { get; init; }

    /// <summary>Comments about use.</summary>
    public string? Comment { get; init; }

    /// <summary>Why the element exists.</summary>
    public string? Requirements { get; init; }

    /// <summary>The minimum cardinality.</summary>
    public int? Min { get; init; }

    /// <summary>The maximum cardinality: <c>*</c> or a number as text.</summary>
    public string? Max { get; init; }

    /// <summary>Where the element was first defined.</summary>
    public ElementBase? Base { get; init; }

    /// <summary>For recursive structures, the <c>#id</c> of the element whose definition applies (<c>#Questionnaire.item</c>).</summary>
    public string? ContentReference { get; init; }

    /// <summary>The allowed types; empty when not stated (root elements, content references, unconstrained differential elements).</summary>
    public IReadOnlyList<ElementType> Types { get; init; } = [];

    /// <summary>The default value (<c>defaultValue[x]</c>).</summary>
    public ElementValue? DefaultValue { get; init; }

    /// <summary>Meaning when the element is missing.</summary>
    public string? MeaningWhenMissing { get; init; }

    /// <summary>What the order of a repeating element means.</summary>
    public string? OrderMeaning { get; init; }

    /// <summary>The exact required value (<c>fixed[x]</c>).</summary>
    public ElementValue? Fixed { get; init; }

    /// <summary>The value the instance must contain (<c>pattern[x]</c>).</summary>
    public ElementValue? Pattern { get; init; }

    /// <summary>The lowest allowed value (<c>minValue[x]</c>).</summary>
    public ElementValue? MinValue { get; init; }

    /// <summary>The highest allowed value (<c>maxValue[x]</c>).</summary>
    public ElementValue? MaxValue { get; init; }

    /// <summary>The maximum length of a string value.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Keys of the invariants (elsewhere) that refer to this element.</summary>
    public IReadOnlyList<string> Condition { get; init; } = [];

    /// <summary>The invariants applying to this element.</summary>
    public IReadOnlyList<ElementConstraint> Constraints { get; init; } = [];

    /// <summary>Whether implementers must support the element.</summary>
    public bool? MustSupport { get; init; }

    /// <summary>Whether the element changes the meaning of its parent.</summary>
    public bool? IsModifier { get; init; }

    /// <summary>Why the element is a modifier.</summary>
    public string? IsModifierReason { get; init; }

    /// <summary>Whether the element is part of the summary view.</summary>
    public bool? IsSummary { get; init; }

    /// <summary>The terminology binding.</summary>
    public ElementBinding? Binding { get; init; }

    /// <summary>The slicing declared on this element.</summary>
    public ElementSlicing? Slicing { get; init; }

    /// <summary>The last path segment: <c>system</c>, <c>value[x]</c>.</summary>
    public string Name
    {
        get
        {
            var dot = Path.LastIndexOf('.');
            return dot < 0 ? Path : Path[(dot + 1)..];
        }
    }

    /// <summary><see langword="true"/> for choice elements (<c>value[x]</c>).</summary>
    public bool IsChoice => Path.EndsWith("[x]", StringComparison.Ordinal);

    /// <summary>The maximum as a number, or <see langword="null"/> for <c>*</c> or when not stated.</summary>
    public int? MaxAsInt => Max is null or "*" ? null : int.TryParse(Max, out var n) ? n : null;

    /// <summary><see langword="true"/> when more than one occurrence is allowed (<c>*</c> or a number above 1).</summary>
    public bool IsRepeating => Max == "*" || MaxAsInt > 1;

    /// <summary><see langword="true"/> when this element is a slice entry.</summary>
    public bool IsSlice => SliceName is not null;
}
