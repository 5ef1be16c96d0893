namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>One compiled slice: its name, cardinality, how elements are matched to it and its schema.</summary>
internal sealed record SliceDefinition(string Name, string Id, int Min, int Max, ISliceMatcher Matcher, IElementValidator Validator);
