namespace FhirFacade.Simulators.World;

/// <summary>
/// What one organisation holds for one patient, in a supplier-neutral form; each simulator renders
/// it in its own native format and code systems.
/// </summary>
internal sealed record ClinicalRecord(
    Demographics Demographics,
    RecordHolding Holding,
    Practitioner UsualClinician,
    DateOnly RegistrationDate,
    bool Dissent,
    bool Sensitive,
    IReadOnlyList<ProblemEntry> Problems,
    IReadOnlyList<AllergyEntry> Allergies,
    NoKnownAllergiesEntry? NoKnownAllergies,
    IReadOnlyList<MedicationEntry> Medications,
    int Version,
    DateTimeOffset LastModified)
{
    public Organisation Organisation => Holding.Organisation;
}
