using System.Text.Json.Nodes;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Serialization.Json;

/// <summary>
/// Round trip of the R4 core package's conformance resources. All 4,581 would be too many rows, so
/// the table holds every StructureDefinition (the resources the kernel itself depends on), the
/// first <see cref="FirstPerType"/> files of every other resource type, every
/// <see cref="SampleStride"/>th remaining file, and the files with known data errors.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class FhirJsonCoreRoundTripTests
{
    private const int FirstPerType = 5;
    private const int SampleStride = 25;

    /// <summary>Core files whose data break an R4 lexical rule; the parser must report exactly these codes and still round-trip.</summary>
    private static readonly Dictionary<string, string[]> KnownDataErrors = new(StringComparer.Ordinal)
    {
        // v2 table 0550 has codes with two spaces in a row (e.g. "Whole  body"), which the code regex forbids.
        ["CodeSystem-v2-0550.json"] = [JsonIssueCodes.InvalidPrimitiveValue, JsonIssueCodes.InvalidPrimitiveValue, JsonIssueCodes.InvalidPrimitiveValue, JsonIssueCodes.InvalidPrimitiveValue],

        // The id is 70 characters long; ids are limited to 64.
        ["SearchParameter-questionnaireresponse-extensions-QuestionnaireResponse-item-subject.json"] = [JsonIssueCodes.InvalidPrimitiveValue],
    };

    public static TheoryData<string> CoreFiles() => new(CoreFileNames());

    private static List<string> CoreFileNames()
    {
        var data = new List<string>();
        var perType = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var info in TestFhir.Packages.FindPackage("hl7.fhir.r4.core", "4.0.1")!.Resources.OrderBy(r => r.FileName, StringComparer.Ordinal))
        {
            var seenOfType = perType.GetValueOrDefault(info.ResourceType);
            perType[info.ResourceType] = seenOfType + 1;
            if (info.ResourceType == "StructureDefinition" || seenOfType < FirstPerType || position++ % SampleStride == 0 || KnownDataErrors.ContainsKey(info.FileName))
            {
                data.Add(info.FileName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CoreFiles))]
    public void ParseSerialize_CoreConformanceResource_IsSemanticallyEqualAndStable(string fileName)
    {
        var original = File.ReadAllText(Path.Combine(TestFhir.CorePackageFolderPath, fileName));

        var result = TestFhir.JsonParser.Parse(original);
        var first = TestFhir.SerializeJson(result.Root!);
        var second = TestFhir.SerializeJson(TestFhir.JsonParser.Parse(first).Root!);

        result.Issues.Select(i => i.Code).Should().Equal(KnownDataErrors.GetValueOrDefault(fileName) ?? []);
        second.Should().Be(first);
        JsonNormalizer.Normalize(first).Should().Be(JsonNormalizer.Normalize(original));
        JsonNode.DeepEquals(JsonNode.Parse(first), JsonNode.Parse(original)).Should().BeTrue();
    }

    [Fact]
    public void CoreFiles_Table_CoversEveryStructureDefinitionAndEveryResourceType()
    {
        var rows = CoreFileNames().ToHashSet(StringComparer.Ordinal);
        var core = TestFhir.Packages.FindPackage("hl7.fhir.r4.core", "4.0.1")!.Resources;

        rows.Should().Contain(core.Where(r => r.ResourceType == "StructureDefinition").Select(r => r.FileName));
        core.Select(r => r.ResourceType).Distinct().Should().OnlyContain(type => core.Any(r => r.ResourceType == type && rows.Contains(r.FileName)));
    }
}
