namespace FhirFacade.Simulators.Catalogues;

internal enum AllergenCategory
{
    Drug,
    Food,
    Environment,
}
