namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>Where an extension may be used (<c>StructureDefinition.context</c>).</summary>
/// <param name="Type">The kind of context: <c>element</c>, <c>extension</c>, <c>fhirpath</c>.</param>
/// <param name="Expression">The context expression, e.g. <c>Patient</c>, <c>Identifier</c>.</param>
public sealed record StructureDefinitionContext(string Type, string Expression);
