namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>A <c>medication</c> authorisation with its issues; <see cref="DmdCode"/> may be missing or not numeric in broken data.</summary>
internal sealed record MicrotestMedication(
    string? Id,
    string? DmdCode,
    string? DrugName,
    string? Dose,
    decimal? Quantity,
    string? Unit,
    string? Type,
    string? Status,
    string? StartDate,
    string? EndDate,
    string? ReviewDate,
    int? MaxIssues,
    string? StopReason,
    bool Confidential,
    string? Prescriber,
    IReadOnlyList<MicrotestMedicationIssue>? Issues);
