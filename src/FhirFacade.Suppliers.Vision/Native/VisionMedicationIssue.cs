namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>An RXD segment: one issue of a prescription.</summary>
internal sealed record VisionMedicationIssue(string Counter, string Date, string Quantity, string Unit);
