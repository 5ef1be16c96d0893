using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Schema;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

/// <summary>
/// End to end over the generated snapshots: every UK Core STU2 example validates without errors against the UK Core
/// profile of its resource type (<c>UKCore-{type}</c>, a generated snapshot; the examples carry no <c>meta.profile</c>),
/// with local terminology and FHIRPath invariants.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class UkCoreExampleValidationTests
{
    private const string UkCoreProfile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";

    private static readonly Lazy<FhirValidator> Validator = new(() => new FhirValidator(
        SnapshotTestContext.Provider,
        new LocalTerminology(TestPackageResolver.Shared),
        new FhirPathInvariantCompiler()));

    public static TheoryData<string> Examples => new(
        Directory.GetFiles(Path.Combine(TestPackageResolver.Shared.Packages.Single(p => p.Id == "fhir.r4.ukcore.stu2").Location, "examples"), "*.json")
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Fact]
    public void Examples_Has140Files()
    {
        Examples.Should().HaveCount(140);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Validate_UkCoreExample_HasNoErrors(string fileName)
    {
        var folder = Path.Combine(TestPackageResolver.Shared.Packages.Single(p => p.Id == "fhir.r4.ukcore.stu2").Location, "examples");
        var parsed = FhirKernel.Default.JsonParser.Parse(File.ReadAllText(Path.Combine(folder, fileName)));

        var profile = UkCoreProfile + parsed.Root!.InstanceType;
        var hasProfile = SnapshotTestContext.Provider.Resolve(profile) is not null;

        var result = Validator.Value.Validate(parsed.Root!, hasProfile ? profile : null);

        result.Issues.Where(i => i.IsError).Select(i => i.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_PatientWithNhsNumberWithoutValue_ReportsErrorFromGeneratedSlice()
    {
        var folder = Path.Combine(TestPackageResolver.Shared.Packages.Single(p => p.Id == "fhir.r4.ukcore.stu2").Location, "examples");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "Patient-UKCore-Patient-RichardSmith-Example.json")))!;
        var nhsNumber = json["identifier"]!.AsArray().Single(i => (string?)i!["system"] == "https://fhir.nhs.uk/Id/nhs-number")!.AsObject();
        nhsNumber.Remove("value");
        var parsed = FhirKernel.Default.JsonParser.Parse(json.ToJsonString());

        var result = Validator.Value.Validate(parsed.Root!, UkCoreProfile + "Patient");

        result.Issues.Should().Contain(i => i.IsError && i.Location != null && i.Location.StartsWith("Patient.identifier", StringComparison.Ordinal));
    }
}
