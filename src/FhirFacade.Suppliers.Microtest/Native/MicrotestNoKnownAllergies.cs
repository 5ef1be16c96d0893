namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>The <c>no_known_allergies</c> entry of an allergy page (SNOMED CT 716186003).</summary>
internal sealed record MicrotestNoKnownAllergies(string? Id, string? SnomedCode, string? Term, string? Recorded, string? RecordedBy);
