namespace FhirFacade.Simulators.World;

internal enum AdministrativeSex
{
    Male,
    Female,
    Unknown,
}
