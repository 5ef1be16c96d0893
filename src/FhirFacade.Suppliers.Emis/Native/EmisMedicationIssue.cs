namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>One issue of a prescription.</summary>
public sealed record EmisMedicationIssue(string? Id, string? Date, string? Quantity, string? Unit);
