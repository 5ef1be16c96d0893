namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// The stable issue codes the profile validator reports (documented in <c>docs/validation.md</c>).
/// Callers and tests key on these, never on message text.
/// </summary>
public static class ValidationCodes
{
    /// <summary>Fewer occurrences of an element (or slice) than its minimum cardinality.</summary>
    public const string CardinalityMin = "VAL-CARD-MIN";

    /// <summary>More occurrences of an element (or slice) than its maximum cardinality.</summary>
    public const string CardinalityMax = "VAL-CARD-MAX";

    /// <summary>The value's type is not one the element allows (includes choice types restricted by a profile).</summary>
    public const string Type = "VAL-TYPE";

    /// <summary>An element the definition does not know.</summary>
    public const string UnknownElement = "VAL-ELEMENT-UNKNOWN";

    /// <summary>A primitive whose lexical form is invalid for its type (<c>date</c>, <c>id</c>, <c>code</c>…).</summary>
    public const string Primitive = "VAL-PRIMITIVE";

    /// <summary>A string longer than <c>maxLength</c>.</summary>
    public const string MaxLength = "VAL-MAXLENGTH";

    /// <summary>A value below <c>minValue[x]</c>.</summary>
    public const string MinValue = "VAL-MINVALUE";

    /// <summary>A value above <c>maxValue[x]</c>.</summary>
    public const string MaxValue = "VAL-MAXVALUE";

    /// <summary>A value that differs from <c>fixed[x]</c>.</summary>
    public const string Fixed = "VAL-FIXED";

    /// <summary>A value that does not contain <c>pattern[x]</c>.</summary>
    public const string Pattern = "VAL-PATTERN";

    /// <summary>An element that matches no slice of a closed slicing.</summary>
    public const string SliceClosed = "VAL-SLICE-CLOSED";

    /// <summary>Slices out of the defined order in an <c>ordered</c> slicing.</summary>
    public const string SliceOrder = "VAL-SLICE-ORDER";

    /// <summary>An unmatched element before a slice in an <c>openAtEnd</c> slicing.</summary>
    public const string SliceOpenAtEnd = "VAL-SLICE-OPENATEND";

    /// <summary>A code provably outside the value set of a required binding.</summary>
    public const string BindingRequired = "VAL-BIND-REQUIRED";

    /// <summary>A code outside the value set of an extensible binding (warning).</summary>
    public const string BindingExtensible = "VAL-BIND-EXTENSIBLE";

    /// <summary>A code outside a preferred binding (information).</summary>
    public const string BindingPreferred = "VAL-BIND-PREFERRED";

    /// <summary>A coded value that cannot be checked locally (SNOMED CT, dm+d, unknown value set): information only.</summary>
    public const string BindingUnchecked = "VAL-BIND-UNCHECKED";

    /// <summary>A failed invariant (<c>constraint</c>); the key is in <c>Issue.ConstraintKey</c>.</summary>
    public const string Invariant = "VAL-INV";

    /// <summary>An invariant that could not be evaluated on this instance (evaluation error): warning.</summary>
    public const string InvariantNotEvaluated = "VAL-INV-EVAL";

    /// <summary>An extension whose URL resolves to no known StructureDefinition.</summary>
    public const string UnknownExtension = "VAL-EXT-UNKNOWN";

    /// <summary>An extension used on an element its definition's <c>context</c> does not allow.</summary>
    public const string ExtensionContext = "VAL-EXT-CONTEXT";

    /// <summary>An extension used where one of its definition's <c>contextInvariant</c>s does not hold.</summary>
    public const string ExtensionContextInvariant = "VAL-EXT-CONTEXT-INV";

    /// <summary>A profile (<c>meta.profile</c> or requested) that cannot be resolved.</summary>
    public const string UnknownProfile = "VAL-PROFILE-UNKNOWN";

    /// <summary>A resource type with no StructureDefinition.</summary>
    public const string UnknownType = "VAL-TYPE-UNKNOWN";

    /// <summary>A reference whose target type or profile is not allowed by <c>targetProfile</c>.</summary>
    public const string ReferenceTarget = "VAL-REF-TARGET";

    /// <summary>A reference to a contained resource (<c>#id</c>) that does not exist.</summary>
    public const string ReferenceUnresolved = "VAL-REF-UNRESOLVED";

    /// <summary>An element that conforms to none of the profiles its type allows.</summary>
    public const string Profile = "VAL-PROFILE";

    /// <summary>Nesting deeper than the validator follows (protects against hostile input).</summary>
    public const string TooDeep = "VAL-DEPTH";
}
