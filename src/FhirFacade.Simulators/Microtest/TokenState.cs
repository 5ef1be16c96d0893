namespace FhirFacade.Simulators.Microtest;

internal enum TokenState
{
    Valid,
    Expired,
    Unknown,
}
