namespace FhirFacade.Simulators.World;

/// <summary>The record areas an organisation may share.</summary>
[Flags]
public enum RecordAreas
{
    None = 0,
    Demographics = 1,
    Medications = 2,
    Allergies = 4,
    Problems = 8,
    All = Demographics | Medications | Allergies | Problems,
}
