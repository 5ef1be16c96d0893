namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>The terminology binding of a coded element (<c>ElementDefinition.binding</c>).</summary>
/// <param name="Strength">How strong the binding is.</param>
/// <param name="ValueSet">The value set canonical (may carry <c>|version</c>), or <see langword="null"/> when only described.</param>
/// <param name="Description">The human description.</param>
public sealed record ElementBinding(BindingStrength Strength, string? ValueSet, string? Description = null)
{
    /// <summary>The extension that carries <see cref="MaxValueSet"/> on <c>ElementDefinition.binding</c>.</summary>
    public const string MaxValueSetExtension = "http://hl7.org/fhir/StructureDefinition/elementdefinition-maxValueSet";

    /// <summary>
    /// The value set that bounds every code, whatever the strength (<see href="https://hl7.org/fhir/R4/extension-elementdefinition-maxvalueset.html"/>):
    /// <c>Resource.language</c> is <c>preferred</c> to common languages but limited to all BCP-47 tags.
    /// </summary>
    public string? MaxValueSet { get; init; }
}
