namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>How a repeating element is sliced (<see href="https://hl7.org/fhir/R4/profiling.html#slicing"/>).</summary>
/// <param name="Discriminators">The discriminators; empty when slices are told apart by profile validation only.</param>
/// <param name="Rules">Whether other elements are allowed.</param>
/// <param name="Ordered">Whether the elements must appear in slice order.</param>
/// <param name="Description">A human description of the slicing.</param>
public sealed record ElementSlicing(
    IReadOnlyList<SlicingDiscriminator> Discriminators,
    SlicingRules Rules,
    bool Ordered = false,
    string? Description = null);
