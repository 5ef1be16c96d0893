using System.Text.Json.Nodes;
using FhirFacade.Simulators.Catalogues;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.Catalogues;

[Trait("Category", "Unit")]
public sealed class ConceptMapCoverageTests
{
    public static TheoryData<string, string> EmittedReadV2 => Rows(ConditionCatalogue.For(SupplierKind.Vision).Concat(ConditionCatalogue.For(SupplierKind.Microtest)).Select(c => (c.Read2!, c.SnomedId)));

    public static TheoryData<string, string> EmittedCtv3 => Rows(ConditionCatalogue.For(SupplierKind.Tpp)
        .Where(c => !ConditionCatalogue.UnmappedCtv3Codes.Contains(c.Ctv3!)).Select(c => (c.Ctv3!, c.SnomedId)));

    public static TheoryData<string, string> EmittedEmisLocal => Rows(ConditionCatalogue.All
        .Where(c => c.EmisLocalCode is not null && !ConditionCatalogue.UnmappedEmisLocalCodes.Contains(c.EmisLocalCode)).Select(c => (c.EmisLocalCode!, c.SnomedId)));

    [Theory]
    [MemberData(nameof(EmittedReadV2))]
    public void ReadV2Map_EmittedCode_MapsToItsSnomedConcept(string code, string snomed) =>
        TargetsOf("ConceptMap-readv2-to-snomed.json", code).Should().Equal(snomed);

    [Theory]
    [MemberData(nameof(EmittedCtv3))]
    public void Ctv3Map_EmittedCode_MapsToItsSnomedConcept(string code, string snomed) =>
        TargetsOf("ConceptMap-ctv3-to-snomed.json", code).Should().Equal(snomed);

    [Theory]
    [MemberData(nameof(EmittedEmisLocal))]
    public void EmisMap_EmittedLocalCode_MapsToItsSnomedConcept(string code, string snomed) =>
        TargetsOf("ConceptMap-emis-to-snomed.json", code).Should().Equal(snomed);

    [Theory]
    [InlineData("F26..")]
    [InlineData("H27..")]
    public void Ctv3Map_DeliberatelyUnmappedCode_IsAbsent(string code) =>
        TargetsOf("ConceptMap-ctv3-to-snomed.json", code).Should().BeEmpty();

    [Fact]
    public void EmisMap_DeliberatelyUnmappedLocalCode_IsAbsent() =>
        TargetsOf("ConceptMap-emis-to-snomed.json", "EMISSIM-MIG01").Should().BeEmpty();

    [Theory]
    [InlineData("ConceptMap-readv2-to-snomed.json", "http://read.info/readv2")]
    [InlineData("ConceptMap-ctv3-to-snomed.json", "http://read.info/ctv3")]
    [InlineData("ConceptMap-emis-to-snomed.json", CodeSystems.EmisLocal)]
    public void ConceptMap_File_IsAValidConceptMapListedInTheIndex(string file, string sourceSystem)
    {
        var map = Load(file);
        var index = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("profiles", ".index.json")))!;

        map["resourceType"]!.GetValue<string>().Should().Be("ConceptMap");
        map["status"]!.GetValue<string>().Should().Be("active");
        map["url"]!.GetValue<string>().Should().Be("https://fhirfacade.example.org/fhir/ConceptMap/" + map["id"]!.GetValue<string>());
        map["group"]![0]!["source"]!.GetValue<string>().Should().Be(sourceSystem);
        map["group"]![0]!["target"]!.GetValue<string>().Should().Be(CodeSystems.Snomed);
        index["index-version"]!.GetValue<int>().Should().Be(2);
        index["files"]!.AsArray().Should().Contain(f => f!["filename"]!.GetValue<string>() == file && f["url"]!.GetValue<string>() == map["url"]!.GetValue<string>());
    }

    private static TheoryData<string, string> Rows(IEnumerable<(string Code, string Snomed)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (code, snomed) in rows.Distinct())
        {
            data.Add(code, snomed);
        }

        return data;
    }

    private static List<string> TargetsOf(string file, string code) =>
        Load(file)["group"]![0]!["element"]!.AsArray()
            .Where(e => e!["code"]!.GetValue<string>() == code)
            .SelectMany(e => e!["target"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()))
            .ToList();

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("profiles", file)))!;
}
