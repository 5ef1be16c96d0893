namespace FhirFacade.Suppliers.Tpp;

/// <summary>TPP native vocabulary (docs/suppliers/tpp.md) and the supplier id.</summary>
internal static class TppCodeSystems
{
    /// <summary>The supplier id.</summary>
    public const string SupplierId = "tpp";

    /// <summary>The canonical URL of the project's CTV3 → SNOMED CT ConceptMap (profiles/ConceptMap-ctv3-to-snomed.json).</summary>
    public const string Ctv3ToSnomedConceptMap = "https://fhirfacade.example.org/fhir/ConceptMap/ctv3-to-snomed";

    public const string AreaDemographics = "demographics";
    public const string AreaMedications = "medications";
    public const string AreaAllergies = "allergies";
    public const string AreaProblems = "problems";

    public const string QueryPatientExists = "PatientExists";
    public const string QueryPatientRecord = "PatientRecord";
    public const string QueryOrganisation = "Organisation";
    public const string QueryPatientSearch = "PatientSearch";

    public const string SharingShared = "Shared";
    public const string SharingRefused = "Refused";

    public const string ErrorThirdPartySharingDisabled = "THIRD_PARTY_SHARING_DISABLED";

    /// <summary>SNOMED CT "No known allergy".</summary>
    public const string NoKnownAllergy = "716186003";
}
