namespace FhirFacade.Simulators.Catalogues;

/// <summary>An allergen: a SNOMED CT substance concept (drug allergens are substances in dm+d/SNOMED).</summary>
internal sealed record AllergenConcept(string SnomedId, string Term, AllergenCategory Category);
