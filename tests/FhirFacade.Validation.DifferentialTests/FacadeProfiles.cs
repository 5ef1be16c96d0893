namespace FhirFacade.Validation.DifferentialTests;

/// <summary>The seven UK Core STU2 profiles the facade emits.</summary>
internal static class FacadeProfiles
{
    public const string UkCoreBase = "https://fhir.hl7.org.uk/StructureDefinition/";

    public static readonly string[] Types =
        ["Patient", "MedicationStatement", "Medication", "AllergyIntolerance", "Condition", "Organization", "Practitioner"];

    public static string For(string resourceType) => UkCoreBase + "UKCore-" + resourceType;
}
