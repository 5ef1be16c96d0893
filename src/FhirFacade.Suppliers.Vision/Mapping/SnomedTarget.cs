namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>A SNOMED CT concept a native code maps to.</summary>
internal sealed record SnomedTarget(string Code, string? Display);
