using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Benchmarks.Kernel;

/// <summary>
/// Cold start of the package layer: open the project's packages (core R4 + UK Core STU2, from their
/// indexes) and resolve the 7 UK Core profiles the facade uses (goal ≤ 300 ms).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 10)]
[MemoryDiagnoser]
public class PackageOpenBenchmarks
{
    private static readonly string[] Profiles =
    [
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Medication",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner",
    ];

    [Benchmark]
    public int OpenPackagesAndResolveUkCoreProfiles()
    {
        var packages = FhirPackageSet.OpenProject();
        var found = 0;
        foreach (var profile in Profiles)
        {
            if (packages.ResolveCanonical(profile) is JsonElement element && element.ValueKind == JsonValueKind.Object)
            {
                found++;
            }
        }

        return found == Profiles.Length ? found : throw new InvalidOperationException("a UK Core profile did not resolve");
    }
}
