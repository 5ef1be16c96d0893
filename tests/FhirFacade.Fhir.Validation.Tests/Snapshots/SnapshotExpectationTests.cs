using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

/// <summary>
/// Pins the generated snapshots of the profiles the facade serves against committed JSON summaries in
/// <c>Snapshots/Expected/</c>. Run with <c>FHIRFACADE_REGENERATE=1</c> to rewrite them, then review the diff.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class SnapshotExpectationTests
{
    private const string UkCore = "https://fhir.hl7.org.uk/StructureDefinition/";

    public static TheoryData<string> FacadeProfiles => new()
    {
        "UKCore-Patient",
        "UKCore-MedicationStatement",
        "UKCore-Medication",
        "UKCore-AllergyIntolerance",
        "UKCore-Condition",
        "UKCore-Organization",
        "UKCore-Practitioner",
    };

    [Theory]
    [MemberData(nameof(FacadeProfiles))]
    public void Generate_FacadeProfile_MatchesExpectedSummary(string id)
    {
        var sd = SnapshotTestContext.Provider.Resolve(UkCore + id)!;
        var actual = SnapshotSummary.Create(sd);
        var path = Path.Combine(ExpectedFolder(), id + ".json");

        if (Environment.GetEnvironmentVariable("FHIRFACADE_REGENERATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));
        }

        File.Exists(path).Should().BeTrue($"expected snapshot {path} is committed (regenerate with FHIRFACADE_REGENERATE=1)");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"the generated snapshot of {id} differs from {path}");
    }

    private static string ExpectedFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FhirFacade.Fhir.Validation.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("test project folder"), "Snapshots", "Expected");
    }
}
