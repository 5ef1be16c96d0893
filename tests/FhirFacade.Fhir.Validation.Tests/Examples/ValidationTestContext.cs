using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Validation.Tests.Examples;

/// <summary>One validator over the shared packages for all validation tests (compiled schemas are reused).</summary>
internal static class ValidationTestContext
{
    public const string UkCoreBase = "https://fhir.hl7.org.uk/StructureDefinition/";

    private static readonly Lazy<FhirValidator> SharedValidator = new(() =>
        FhirValidation.CreateValidator(TestFhir.Packages, TestFhir.Model, cacheOptions: new SnapshotCacheOptions { Enabled = false }));

    /// <summary>The resource types whose UK Core examples must validate (the facade's seven profiles).</summary>
    public static readonly string[] FacadeTypes =
        ["Patient", "MedicationStatement", "Medication", "AllergyIntolerance", "Condition", "Organization", "Practitioner"];

    public static FhirValidator Validator => SharedValidator.Value;

    public static string ProfileFor(string resourceType) => UkCoreBase + "UKCore-" + resourceType;
}
