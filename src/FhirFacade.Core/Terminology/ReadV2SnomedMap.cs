using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Core.Terminology;

/// <summary>
/// The project's Read v2 → SNOMED CT ConceptMap (profiles/ConceptMap-readv2-to-snomed.json, embedded in this assembly),
/// loaded once. Read v2 is a national code system, not a supplier's, so the suppliers that record in it (INPS Vision,
/// Microtest Evolution) share this one map. Any target but <c>unmatched</c> and <c>disjoint</c> is used; the Read v2
/// coding stays first, so a wider or narrower SNOMED CT concept never replaces what the practice recorded.
/// </summary>
public static class ReadV2SnomedMap
{
    private const string ResourceName = "FhirFacade.Core.ConceptMap-readv2-to-snomed.json";

    private static readonly Lazy<SnomedConceptMap> Map = new(() =>
        SnomedConceptMap.LoadEmbedded(typeof(ReadV2SnomedMap).Assembly, ResourceName, FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint));

    /// <summary>The SNOMED CT concept a Read v2 code maps to, or <see langword="null"/> when it is unmapped.</summary>
    public static SnomedTarget? Translate(string readCode) => Map.Value.Translate(readCode);
}
