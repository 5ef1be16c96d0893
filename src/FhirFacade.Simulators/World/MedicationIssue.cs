namespace FhirFacade.Simulators.World;

internal sealed record MedicationIssue(long LocalId, DateOnly IssueDate, decimal Quantity, string QuantityUnit);
