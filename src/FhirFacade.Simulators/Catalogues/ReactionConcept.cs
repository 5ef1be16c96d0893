namespace FhirFacade.Simulators.Catalogues;

/// <summary>A reaction manifestation (SNOMED CT clinical finding).</summary>
internal sealed record ReactionConcept(string SnomedId, string Term);
