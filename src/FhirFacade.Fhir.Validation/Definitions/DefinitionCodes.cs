namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>Wire codes of the definition enums.</summary>
public static class DefinitionCodes
{
    /// <summary>The FHIR code of a binding strength.</summary>
    public static string ToCode(this BindingStrength value) => value switch
    {
        BindingStrength.Required => "required",
        BindingStrength.Extensible => "extensible",
        BindingStrength.Preferred => "preferred",
        _ => "example",
    };

    /// <summary>The FHIR code of slicing rules.</summary>
    public static string ToCode(this SlicingRules value) => value switch
    {
        SlicingRules.Closed => "closed",
        SlicingRules.OpenAtEnd => "openAtEnd",
        _ => "open",
    };

    /// <summary>The FHIR code of a discriminator type.</summary>
    public static string ToCode(this DiscriminatorType value) => value switch
    {
        DiscriminatorType.Exists => "exists",
        DiscriminatorType.Pattern => "pattern",
        DiscriminatorType.Type => "type",
        DiscriminatorType.Profile => "profile",
        _ => "value",
    };

    /// <summary>The FHIR code of a constraint severity.</summary>
    public static string ToCode(this ConstraintSeverity value) =>
        value == ConstraintSeverity.Warning ? "warning" : "error";

    /// <summary>The FHIR code of a structure definition kind.</summary>
    public static string ToCode(this StructureDefinitionKind value) => value switch
    {
        StructureDefinitionKind.PrimitiveType => "primitive-type",
        StructureDefinitionKind.ComplexType => "complex-type",
        StructureDefinitionKind.Logical => "logical",
        _ => "resource",
    };

    /// <summary>The FHIR code of a type derivation.</summary>
    public static string ToCode(this TypeDerivation value) =>
        value == TypeDerivation.Constraint ? "constraint" : "specialization";

    internal static BindingStrength? ParseBindingStrength(string? code) => code switch
    {
        "required" => BindingStrength.Required,
        "extensible" => BindingStrength.Extensible,
        "preferred" => BindingStrength.Preferred,
        "example" => BindingStrength.Example,
        _ => null,
    };

    internal static SlicingRules ParseSlicingRules(string? code) => code switch
    {
        "closed" => SlicingRules.Closed,
        "openAtEnd" => SlicingRules.OpenAtEnd,
        _ => SlicingRules.Open,
    };

    internal static DiscriminatorType? ParseDiscriminatorType(string? code) => code switch
    {
        "value" => DiscriminatorType.Value,
        "exists" => DiscriminatorType.Exists,
        "pattern" => DiscriminatorType.Pattern,
        "type" => DiscriminatorType.Type,
        "profile" => DiscriminatorType.Profile,
        _ => null,
    };

    internal static ConstraintSeverity ParseConstraintSeverity(string? code) =>
        code == "warning" ? ConstraintSeverity.Warning : ConstraintSeverity.Error;

    internal static StructureDefinitionKind? ParseKind(string? code) => code switch
    {
        "primitive-type" => StructureDefinitionKind.PrimitiveType,
        "complex-type" => StructureDefinitionKind.ComplexType,
        "resource" => StructureDefinitionKind.Resource,
        "logical" => StructureDefinitionKind.Logical,
        _ => null,
    };

    internal static TypeDerivation? ParseDerivation(string? code) => code switch
    {
        "constraint" => TypeDerivation.Constraint,
        "specialization" => TypeDerivation.Specialization,
        _ => null,
    };
}
