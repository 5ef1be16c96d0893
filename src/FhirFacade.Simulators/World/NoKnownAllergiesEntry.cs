namespace FhirFacade.Simulators.World;

/// <summary>An explicit "no known allergies" statement (SNOMED 716186003).</summary>
internal sealed record NoKnownAllergiesEntry(long LocalId, DateOnly RecordedDate, Practitioner RecordedBy)
{
    public const string SnomedCode = "716186003";
    public const string Term = "No known allergy";
}
