namespace FhirFacade.Core.Terminology;

/// <summary>A SNOMED CT concept a native code (Read v2, CTV3) translates to, with the ConceptMap's display when it gives one.</summary>
public sealed record SnomedTarget(string Code, string? Display);
