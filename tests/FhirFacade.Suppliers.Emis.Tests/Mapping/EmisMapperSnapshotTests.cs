using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Suppliers.Emis.Mapping;
using FhirFacade.Suppliers.Emis.Native;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Emis.Tests.Mapping;

/// <summary>
/// Fixed EMIS XML fixtures (captured from the simulator) mapped to FHIR and compared with committed
/// JSON snapshots. Regenerate with <c>FHIRFACADE_REGENERATE=1</c> and review the diff.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EmisMapperSnapshotTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "record-9990000018.xml", "Patient" },
        { "record-9990000018.xml", "Condition" },
        { "record-9990000018.xml", "AllergyIntolerance" },
        { "record-9990000018.xml", "MedicationStatement" },
        { "record-9990000018.xml", "Medication" },
        { "record-9990000123.xml", "AllergyIntolerance" },
        { "record-9990000123.xml", "Condition" },
        { "organisation-A81001.xml", "Organization" },
        { "practitioner-555000100011.xml", "Practitioner" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_Fixture_MatchesSnapshot(string fixture, string resourceType)
    {
        var document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));

        var resources = Map(document, fixture, resourceType);
        var actual = new JsonArray([.. resources.Select(r => JsonNode.Parse(new FhirJsonSerializer().Serialize(r.ToElementNode(FhirKernel.Default.Model))))]);

        var name = $"{Path.GetFileNameWithoutExtension(fixture)}.{resourceType}.json";
        if (Environment.GetEnvironmentVariable("FHIRFACADE_REGENERATE") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Snapshots", name), actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", name)));
        resources.Should().NotBeEmpty();
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"the mapping of {fixture} to {resourceType} should equal Snapshots/{name}; actual:\n{actual}");
    }

    private static List<Resource> Map(string document, string fixture, string resourceType)
    {
        if (resourceType == "Organization")
        {
            return [EmisOrganizationMapper.Map(EmisXmlReader.ReadOrganisationDocument(document), Context(null))];
        }

        if (resourceType == "Practitioner")
        {
            return [EmisPractitionerMapper.Map(EmisXmlReader.ReadPractitionerDocument(document), Context(null))];
        }

        var record = EmisXmlReader.ReadRecord(document);
        var context = Context(record.Patient!.NhsNumber);
        IEnumerable<Resource?> mapped = resourceType switch
        {
            "Patient" => [EmisPatientMapper.Map(record, context)],
            "Condition" => record.Problems.Select(p => EmisConditionMapper.Map(p, context)),
            "AllergyIntolerance" => record.Allergies.Select(a => EmisAllergyIntoleranceMapper.Map(a, context)),
            "MedicationStatement" => record.Medications.Select(m => EmisMedicationStatementMapper.Map(m, context)),
            "Medication" => record.Medications.Select(m => EmisMedicationMapper.Map(m, context)),
            _ => throw new ArgumentException(fixture, nameof(resourceType)),
        };
        context.Issues.Should().BeEmpty();
        return [.. mapped.OfType<Resource>()];
    }

    private static EmisMappingContext Context(string? nhsNumber) => new("A81001", "Riverside Medical Practice (A81001)", nhsNumber ?? string.Empty, TestResourceIds.Codec);

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
