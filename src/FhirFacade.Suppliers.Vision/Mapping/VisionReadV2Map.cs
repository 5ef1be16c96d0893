using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>
/// The project's Read v2 → SNOMED CT ConceptMap (profiles/ConceptMap-readv2-to-snomed.json, embedded in this assembly),
/// loaded once. Any target but <c>unmatched</c> and <c>disjoint</c> is used; the Read v2 coding stays first, so a wider
/// or narrower SNOMED CT concept never replaces what the practice recorded.
/// </summary>
internal static class VisionReadV2Map
{
    private const string ResourceName = "FhirFacade.Suppliers.Vision.ConceptMap-readv2-to-snomed.json";

    private static readonly Lazy<SnomedConceptMap> Map = new(() =>
        SnomedConceptMap.LoadEmbedded(typeof(VisionReadV2Map).Assembly, ResourceName, FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint));

    /// <summary>The SNOMED CT concept a Read v2 code maps to, or <see langword="null"/> when it is unmapped.</summary>
    public static SnomedTarget? Translate(string readCode) => Map.Value.Translate(readCode);
}
