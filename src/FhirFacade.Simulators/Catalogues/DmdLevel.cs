namespace FhirFacade.Simulators.Catalogues;

internal enum DmdLevel
{
    Vmp,
    Amp,
}
