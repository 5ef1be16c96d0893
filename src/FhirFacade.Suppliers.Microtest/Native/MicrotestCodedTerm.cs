namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>A SNOMED CT code with its term (<c>allergen</c>, <c>reaction</c>).</summary>
internal sealed record MicrotestCodedTerm(string? SnomedCode, string? Term);
