namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>An invariant on an element (<c>ElementDefinition.constraint</c>).</summary>
/// <param name="Key">The key, e.g. <c>ele-1</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Human">The human description.</param>
/// <param name="Expression">The FHIRPath expression, evaluated with the element as <c>%context</c>.</param>
/// <param name="Xpath">The XPath expression (informative).</param>
/// <param name="Source">The canonical of the StructureDefinition that introduced it.</param>
public sealed record ElementConstraint(
    string Key,
    ConstraintSeverity Severity,
    string Human,
    string? Expression,
    string? Xpath = null,
    string? Source = null);
