using System.Text;
using System.Text.Json;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Core.Tests.Terminology;

[Trait("Category", "Unit")]
public sealed class SnomedConceptMapTests
{
    private const string ConceptMap = """
        {"resourceType":"ConceptMap","group":[
          {"source":"http://read.info/readv2","target":"http://snomed.info/sct","element":[
            {"code":"H33..","target":[{"code":"195967001","display":"Asthma","equivalence":"equivalent"}]},
            {"code":"C10..","target":[{"code":"1","equivalence":"unmatched"},{"code":"2","equivalence":"disjoint"},{"code":"73211009","display":"Diabetes mellitus","equivalence":"narrower"}]},
            {"code":"G30..","target":[{"equivalence":"equivalent"},{"code":"22298006","equivalence":"wider"}]},
            {"code":"F26..","target":[{"code":"37796009","equivalence":"inexact"}]},
            {"code":"K01..","target":[{"code":"90708001"}]},
            {"code":"N01..","target":[{"code":"9","equivalence":"unmatched"}]},
            {"code":"R01..","target":[{"code":"3","equivalence":"relatedto"},{"code":"4","equivalence":"equivalent"}]},
            {"code":"H33..","target":[{"code":"999","equivalence":"equivalent"}]},
            {"code":"X00.."}]},
          {"source":"http://read.info/ctv3","target":"http://snomed.info/sct","element":[
            {"code":"B....","target":[{"code":"363346000","equivalence":"equivalent"}]}]},
          {"source":"http://read.info/readv2","target":"http://loinc.org","element":[
            {"code":"44P..","target":[{"code":"2093-3","equivalence":"equivalent"}]}]},
          {"element":[
            {"code":"7L1..","target":[{"code":"71388002","equivalence":"equivalent"}]}]}]}
        """;

    public static TheoryData<string, ConceptMapEquivalenceRule, string?> Translations => new()
    {
        { "H33..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, "195967001" },
        { "H33..", ConceptMapEquivalenceRule.EquivalentWiderOrRelated, "195967001" },
        { "C10..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, "73211009" },
        { "C10..", ConceptMapEquivalenceRule.EquivalentWiderOrRelated, null },
        { "G30..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, "22298006" },
        { "G30..", ConceptMapEquivalenceRule.EquivalentWiderOrRelated, "22298006" },
        { "F26..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, "37796009" },
        { "F26..", ConceptMapEquivalenceRule.EquivalentWiderOrRelated, null },
        { "K01..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, "90708001" },
        { "K01..", ConceptMapEquivalenceRule.EquivalentWiderOrRelated, null },
        { "N01..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, null },
        { "R01..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, "3" },
        { "R01..", ConceptMapEquivalenceRule.EquivalentWiderOrRelated, "3" },
        { "X00..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, null },
        { "ZZZZ9", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, null },
        { "B....", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, null },
        { "44P..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, null },
        { "7L1..", ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint, null },
    };

    public static TheoryData<string?, bool, bool> Equivalences => new()
    {
        { "equivalent", true, true },
        { "equal", true, true },
        { "wider", true, true },
        { "subsumes", true, true },
        { "relatedto", true, true },
        { "narrower", true, false },
        { "specializes", true, false },
        { "inexact", true, false },
        { "unmatched", false, false },
        { "disjoint", false, false },
        { null, true, false },
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translate_ReadV2Groups_FirstTargetTheRuleAcceptsWins(string code, ConceptMapEquivalenceRule rule, string? expected)
    {
        var map = Parse(FhirSystems.ReadV2, rule);

        var snomed = map.Translate(code)?.Code;

        snomed.Should().Be(expected);
    }

    [Fact]
    public void Translate_MappedCode_KeepsTheConceptMapDisplay()
    {
        var map = Parse(FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint);

        var target = map.Translate("H33..");

        target.Should().Be(new SnomedTarget("195967001", "Asthma"));
    }

    [Fact]
    public void Translate_TargetWithoutDisplay_HasNullDisplay()
    {
        var map = Parse(FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint);

        var target = map.Translate("K01..");

        target.Should().Be(new SnomedTarget("90708001", null));
    }

    [Fact]
    public void Count_ReadV2Groups_CountsOnlyTranslatedCodes()
    {
        var map = Parse(FhirSystems.ReadV2, ConceptMapEquivalenceRule.EquivalentWiderOrRelated);

        map.Count.Should().Be(3);
    }

    [Fact]
    public void Parse_OtherSourceSystem_ReadsOnlyItsGroup()
    {
        var map = Parse(FhirSystems.Ctv3, ConceptMapEquivalenceRule.EquivalentWiderOrRelated);

        map.Count.Should().Be(1);
        map.Translate("B....").Should().Be(new SnomedTarget("363346000", null));
    }

    [Fact]
    public void Parse_Stream_ReadsTheSameMap()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ConceptMap));

        var map = SnomedConceptMap.Parse(stream, FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint);

        map.Count.Should().Be(6);
        map.Translate("R01..").Should().Be(new SnomedTarget("3", null));
    }

    [Fact]
    public void Parse_ConceptMapWithoutGroups_IsEmpty()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"ConceptMap"}""");

        var map = SnomedConceptMap.Parse(document.RootElement, FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint);

        map.Count.Should().Be(0);
    }

    [Fact]
    public void LoadEmbedded_MissingResource_ThrowsNamingResourceAndAssembly()
    {
        var assembly = typeof(SnomedConceptMapTests).Assembly;

        var load = () => SnomedConceptMap.LoadEmbedded(assembly, "No.Such.ConceptMap.json", FhirSystems.ReadV2, ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint);

        load.Should().Throw<InvalidOperationException>()
            .WithMessage("*'No.Such.ConceptMap.json'*'FhirFacade.Core.Tests'*");
    }

    [Theory]
    [MemberData(nameof(Equivalences))]
    public void Accepts_Equivalence_FollowsEachRule(string? equivalence, bool anyButUnmatchedOrDisjoint, bool equivalentWiderOrRelated)
    {
        var results = (ConceptMapEquivalenceRule.AnyButUnmatchedOrDisjoint.Accepts(equivalence), ConceptMapEquivalenceRule.EquivalentWiderOrRelated.Accepts(equivalence));

        results.Should().Be((anyButUnmatchedOrDisjoint, equivalentWiderOrRelated));
    }

    private static SnomedConceptMap Parse(string sourceSystem, ConceptMapEquivalenceRule rule)
    {
        using var document = JsonDocument.Parse(ConceptMap);
        return SnomedConceptMap.Parse(document.RootElement, sourceSystem, rule);
    }
}
