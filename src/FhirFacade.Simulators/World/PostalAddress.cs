namespace FhirFacade.Simulators.World;

internal sealed record PostalAddress(string Line1, string? Line2, string Town, string? County, string Postcode);
