namespace FhirFacade.Simulators.World;

internal enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
}
