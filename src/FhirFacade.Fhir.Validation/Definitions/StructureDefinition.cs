namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>
/// A StructureDefinition (<see href="https://hl7.org/fhir/R4/structuredefinition.html"/>): the definition of a
/// resource, data type, extension or profile, with its differential and (when generated or shipped) snapshot.
/// Immutable.
/// </summary>
public sealed record StructureDefinition
{
    /// <summary>The resource id.</summary>
    public required string Id { get; init; }

    /// <summary>The canonical URL.</summary>
    public required string Url { get; init; }

    /// <summary>The business version.</summary>
    public string? Version { get; init; }

    /// <summary>The computer-friendly name.</summary>
    public required string Name { get; init; }

    /// <summary>The human title.</summary>
    public string? Title { get; init; }

    /// <summary>The publication status (<c>draft</c>, <c>active</c>…).</summary>
    public string? Status { get; init; }

    /// <summary>The FHIR version.</summary>
    public string? FhirVersion { get; init; }

    /// <summary>What kind of structure this is.</summary>
    public required StructureDefinitionKind Kind { get; init; }

    /// <summary>Whether the type is abstract.</summary>
    public bool Abstract { get; init; }

    /// <summary>The type defined or constrained: <c>Patient</c>, <c>Extension</c>, <c>Identifier</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The base definition canonical; <see langword="null"/> only for <c>Base</c>/<c>Element</c>/<c>Resource</c> roots.</summary>
    public string? BaseDefinition { get; init; }

    /// <summary>Specialization or constraint; <see langword="null"/> for the roots.</summary>
    public TypeDerivation? Derivation { get; init; }

    /// <summary>For extensions: where they may be used.</summary>
    public IReadOnlyList<StructureDefinitionContext> Contexts { get; init; } = [];

    /// <summary>For extensions: FHIRPath invariants that must hold at the context.</summary>
    public IReadOnlyList<string> ContextInvariants { get; init; } = [];

    /// <summary>The differential elements (empty when none).</summary>
    public IReadOnlyList<ElementDefinition> Differential { get; init; } = [];

    /// <summary>The snapshot elements, or <see langword="null"/> when the definition has no snapshot.</summary>
    public IReadOnlyList<ElementDefinition>? Snapshot { get; init; }

    /// <summary><see langword="true"/> when a snapshot is present.</summary>
    public bool HasSnapshot => Snapshot is { Count: > 0 };

    /// <summary><see langword="true"/> for extension definitions (type <c>Extension</c>, derived by constraint).</summary>
    public bool IsExtension => Type == "Extension" && Derivation == TypeDerivation.Constraint;
}
