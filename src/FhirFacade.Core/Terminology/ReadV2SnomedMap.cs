using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Core.Terminology;

/// <summary>
/// The project's Read v2 → SNOMED CT ConceptMap (profiles/ConceptMap-readv2-to-snomed.json, embedded in this assembly),
/// loaded once. Read v2 is a national code system, not a supplier's, so the suppliers that record in it (INPS Vision,
/// Microtest Evolution) share this one map. Only targets that may stand beside the source coding are used
/// (<see cref="ConceptMapEquivalenceRule.EquivalentWiderOrRelated"/>, as for CTV3 and EMIS local codes): a <c>narrower</c>
/// target (Read v2 <c>G573.</c> "Atrial fibrillation and flutter" → SNOMED CT "Atrial fibrillation") would claim more
/// than the practice recorded, and the gateway's merge, which keys on SNOMED CT, would then fold it into an entry that
/// is not the same (docs/safety/hazard-log.md, H5). Such a code is returned with its Read v2 coding and text and an
/// <c>UNMAPPED-CODE</c> warning. The Read v2 coding always stays first.
/// </summary>
public static class ReadV2SnomedMap
{
    private const string ResourceName = "FhirFacade.Core.ConceptMap-readv2-to-snomed.json";

    private static readonly Lazy<SnomedConceptMap> Map = new(() =>
        SnomedConceptMap.LoadEmbedded(typeof(ReadV2SnomedMap).Assembly, ResourceName, FhirSystems.ReadV2, ConceptMapEquivalenceRule.EquivalentWiderOrRelated));

    /// <summary>The SNOMED CT concept a Read v2 code maps to, or <see langword="null"/> when it is unmapped.</summary>
    public static SnomedTarget? Translate(string readCode) => Map.Value.Translate(readCode);
}
