namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>The terminology binding of a coded element (<c>ElementDefinition.binding</c>).</summary>
/// <param name="Strength">How strong the binding is.</param>
/// <param name="ValueSet">The value set canonical (may carry <c>|version</c>), or <see langword="null"/> when only described.</param>
/// <param name="Description">The human description.</param>
public sealed record ElementBinding(BindingStrength Strength, string? ValueSet, string? Description = null);
