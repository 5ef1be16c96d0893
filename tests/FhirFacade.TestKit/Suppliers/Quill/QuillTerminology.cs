using System.Text.Json;
using FhirFacade.Core.Terminology;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>Quill's local problem codes and their ConceptMap to SNOMED CT (registered keyed by the supplier id).</summary>
public static class QuillTerminology
{
    /// <summary>The FHIR system of Quill's local codes.</summary>
    public const string LocalSystem = "https://fhirfacade.example.org/CodeSystem/quill-local";

    private const string ConceptMap = """
        {
          "resourceType": "ConceptMap",
          "group": [{
            "source": "https://fhirfacade.example.org/CodeSystem/quill-local",
            "target": "http://snomed.info/sct",
            "element": [
              { "code": "QL-ASTH", "target": [{ "code": "195967001", "display": "Asthma", "equivalence": "equivalent" }] },
              { "code": "QL-HTN", "target": [{ "code": "59621000", "display": "Essential hypertension", "equivalence": "equivalent" }] },
              { "code": "QL-CHLAM", "target": [{ "code": "105629000", "display": "Chlamydial infection", "equivalence": "equivalent" }] },
              { "code": "QL-INFLU", "target": [{ "code": "6142004", "display": "Influenza", "equivalence": "narrower" }] }
            ]
          }]
        }
        """;

    /// <summary>Reads the map; only equivalent, wider or related targets translate (so <c>QL-INFLU</c> does not).</summary>
    public static SnomedConceptMap Load()
    {
        using var document = JsonDocument.Parse(ConceptMap);
        return SnomedConceptMap.Parse(document.RootElement, LocalSystem, ConceptMapEquivalenceRule.EquivalentWiderOrRelated);
    }
}
