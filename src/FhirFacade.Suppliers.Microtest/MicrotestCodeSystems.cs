namespace FhirFacade.Suppliers.Microtest;

/// <summary>Evolution native values and identifiers.</summary>
internal static class MicrotestCodeSystems
{
    /// <summary>The supplier id.</summary>
    public const string SupplierId = "microtest";

    /// <summary>SNOMED CT "No known allergy".</summary>
    public const string NoKnownAllergy = "716186003";

    /// <summary>The facade's ConceptMap from Read v2 to SNOMED CT (profiles/ConceptMap-readv2-to-snomed.json).</summary>
    public const string ReadV2ToSnomedConceptMap = "https://fhirfacade.example.org/fhir/ConceptMap/readv2-to-snomed";
}
