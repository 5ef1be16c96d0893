namespace FhirFacade.Simulators.World;

internal enum MedicationStatus
{
    Active,
    Completed,
    Stopped,
}
