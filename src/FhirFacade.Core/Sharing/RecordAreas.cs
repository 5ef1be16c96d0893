using FhirFacade.Core.Search;

namespace FhirFacade.Core.Sharing;

/// <summary>
/// The record areas an organisation can choose to share (SystmOne's per-area sharing choices), and the
/// resource types each covers (docs/sharing.md): demographics → Patient and Practitioner (the usual GP
/// of the registration is part of the registration details), medications → MedicationStatement and
/// Medication, allergies → AllergyIntolerance, problems → Condition. Organization belongs to no area:
/// it is the organisation's own directory entry, released whenever the organisation shares at all.
/// </summary>
public static class RecordAreas
{
    public const string Demographics = "demographics";
    public const string Medications = "medications";
    public const string Allergies = "allergies";
    public const string Problems = "problems";

    /// <summary>Every area, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Demographics, Medications, Allergies, Problems];

    /// <summary><see langword="true"/> when <paramref name="area"/> is one of <see cref="All"/> (case-insensitive).</summary>
    public static bool IsKnown(string? area) => area is not null && All.Contains(area, StringComparer.OrdinalIgnoreCase);

    /// <summary>The area a resource type belongs to; <see langword="null"/> for Organization (no area).</summary>
    public static string? Of(string resourceType) => resourceType switch
    {
        FhirResourceTypes.Patient or FhirResourceTypes.Practitioner => Demographics,
        FhirResourceTypes.MedicationStatement or FhirResourceTypes.Medication => Medications,
        FhirResourceTypes.AllergyIntolerance => Allergies,
        FhirResourceTypes.Condition => Problems,
        _ => null,
    };
}
