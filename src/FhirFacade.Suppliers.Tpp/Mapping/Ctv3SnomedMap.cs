using FhirFacade.Core.Terminology;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>
/// The project's CTV3 → SNOMED CT ConceptMap (<c>profiles/ConceptMap-ctv3-to-snomed.json</c>, compiled into this
/// assembly so the adapter and the published ConceptMap cannot drift apart). Only targets that may stand beside the
/// source coding are used (<see cref="ConceptMapEquivalenceRule.EquivalentWiderOrRelated"/>).
/// </summary>
internal static class Ctv3SnomedMap
{
    /// <summary>The manifest name of the embedded ConceptMap.</summary>
    public const string ResourceName = "FhirFacade.Suppliers.Tpp.ConceptMap-ctv3-to-snomed.json";

    /// <summary>Loads the embedded ConceptMap; registered once as a singleton.</summary>
    public static SnomedConceptMap Load() =>
        SnomedConceptMap.LoadEmbedded(typeof(Ctv3SnomedMap).Assembly, ResourceName, FhirSystems.Ctv3, ConceptMapEquivalenceRule.EquivalentWiderOrRelated);
}
