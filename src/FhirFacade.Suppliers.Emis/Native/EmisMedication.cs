namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A <c>Medication</c> event: the authorisation, with its issues (oldest first).</summary>
public sealed record EmisMedication(
    string Id,
    string? Type,
    string? Status,
    bool Confidential,
    EmisCodedValue? Drug,
    string? Dosage,
    string? QuantityValue,
    string? QuantityUnit,
    string? StartDate,
    string? EndDate,
    string? ReviewDate,
    string? MaxIssues,
    string? StopReason,
    string? Prescriber,
    IReadOnlyList<EmisMedicationIssue> Issues);
