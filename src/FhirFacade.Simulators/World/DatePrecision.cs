namespace FhirFacade.Simulators.World;

internal enum DatePrecision
{
    Year,
    Month,
    Day,
}
