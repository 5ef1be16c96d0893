using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.World;

/// <summary>A medication authorisation (the plan) and the issues made under it.</summary>
internal sealed record MedicationEntry(
    long LocalId,
    MedicineConcept Medicine,
    string DoseText,
    decimal Quantity,
    string QuantityUnit,
    PrescriptionType Type,
    MedicationStatus Status,
    DateOnly StartDate,
    DateOnly? EndDate,
    DateOnly? ReviewDate,
    int? MaxIssues,
    string? StopReason,
    IReadOnlyList<MedicationIssue> Issues,
    bool Confidential,
    Practitioner Prescriber,
    BrokenData Broken = BrokenData.None);
