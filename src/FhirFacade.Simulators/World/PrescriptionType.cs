namespace FhirFacade.Simulators.World;

internal enum PrescriptionType
{
    Acute,
    Repeat,
    RepeatDispensing,
}
