namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>One discriminator of a slicing: how slices are told apart (<c>ElementDefinition.slicing.discriminator</c>).</summary>
/// <param name="Type">How the discriminator is evaluated.</param>
/// <param name="Path">A FHIRPath (restricted) relative to the sliced element, e.g. <c>system</c>, <c>url</c>, <c>$this</c>.</param>
public sealed record SlicingDiscriminator(DiscriminatorType Type, string Path);
