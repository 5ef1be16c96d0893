namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A SNOMED CT concept a CTV3 code translates to.</summary>
internal sealed record SnomedTarget(string Code, string? Display);
