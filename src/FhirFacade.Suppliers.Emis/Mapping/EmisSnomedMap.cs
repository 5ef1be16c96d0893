using FhirFacade.Core.Terminology;

namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>
/// The project's EMIS local → SNOMED CT ConceptMap (<c>profiles/ConceptMap-emis-to-snomed.json</c>, compiled into this
/// assembly so the adapter and the published ConceptMap cannot drift apart), loaded once. As for CTV3, only targets that
/// may stand beside the source coding are used (<see cref="ConceptMapEquivalenceRule.EquivalentWiderOrRelated"/>): a
/// narrower SNOMED CT concept would claim more than the practice recorded.
/// </summary>
internal static class EmisSnomedMap
{
    /// <summary>The manifest name of the embedded ConceptMap.</summary>
    public const string ResourceName = "FhirFacade.Suppliers.Emis.ConceptMap-emis-to-snomed.json";

    private static readonly Lazy<SnomedConceptMap> Map = new(() =>
        SnomedConceptMap.LoadEmbedded(typeof(EmisSnomedMap).Assembly, ResourceName, EmisCodeSystems.EmisLocal, ConceptMapEquivalenceRule.EquivalentWiderOrRelated));

    /// <summary>The SNOMED CT concept an EMIS local code maps to, or <see langword="null"/> when it is unmapped.</summary>
    public static SnomedTarget? Translate(string emisCode) => Map.Value.Translate(emisCode);
}
