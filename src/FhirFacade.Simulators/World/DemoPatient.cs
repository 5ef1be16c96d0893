namespace FhirFacade.Simulators.World;

/// <summary>A curated demo patient with a hand-written record at each holding organisation.</summary>
internal sealed record DemoPatient(
    string NhsNumber,
    string Special,
    Demographics Demographics,
    IReadOnlyList<RecordHolding> Holdings,
    Func<RecordHolding, ClinicalRecord> Build);
