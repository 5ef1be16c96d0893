namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>One issue of a medication, oldest first.</summary>
internal sealed record MicrotestMedicationIssue(string? Id, string? Date, decimal? Quantity, string? Unit);
