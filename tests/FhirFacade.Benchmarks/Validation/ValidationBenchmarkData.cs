using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Benchmarks.Validation;

/// <summary>The UK Core examples and profiles the validation benchmarks use.</summary>
internal static class ValidationBenchmarkData
{
    public const string UkCore = "https://fhir.hl7.org.uk/StructureDefinition/";
    public const string PatientProfile = UkCore + "UKCore-Patient";
    public const string MedicationStatementProfile = UkCore + "UKCore-MedicationStatement";

    public static readonly string[] FacadeProfiles =
    [
        PatientProfile,
        MedicationStatementProfile,
        UkCore + "UKCore-Medication",
        UkCore + "UKCore-AllergyIntolerance",
        UkCore + "UKCore-Condition",
        UkCore + "UKCore-Organization",
        UkCore + "UKCore-Practitioner",
    ];

    public const string PatientExample = "Patient-UKCore-Patient-RichardSmith-Example.json";
    public const string MedicationStatementExample = "MedicationStatement-UKCore-MedicationStatement-Amoxicillin-Example.json";

    public static ElementNode ParseExample(FhirKernel kernel, string fileName)
    {
        var path = Path.Combine(ExamplesFolder(), fileName);
        var result = kernel.JsonParser.Parse(File.ReadAllText(path));
        return result.Root ?? throw new InvalidOperationException($"{fileName} did not parse.");
    }

    private static string ExamplesFolder()
    {
        var checkout = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("Checkout not found.");
        return Path.GetFullPath(Path.Combine(checkout, "..", "shared", "fhir-packages", "fhir.r4.ukcore.stu2#2.0.2", "package", "examples"));
    }
}
