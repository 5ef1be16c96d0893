using System.Text.Json;
using FhirFacade.Suppliers.Tpp.Mapping;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class Ctv3SnomedMapTests
{
    [Fact]
    public void Load_ProjectConceptMap_MapsAsthmaToSnomed()
    {
        var map = Ctv3SnomedMap.Load();

        var target = map.Translate("H33..");

        target.Should().Be(new SnomedTarget("195967001", "Asthma"));
    }

    [Theory]
    [InlineData("F26..")]
    [InlineData("H27..")]
    [InlineData("XXXXX")]
    public void Load_DeliberatelyUnmappedCodes_TranslateToNull(string code)
    {
        var map = Ctv3SnomedMap.Load();

        var target = map.Translate(code);

        target.Should().BeNull();
    }

    [Fact]
    public void Parse_OtherSystemsAndUnmatchedTargets_AreIgnored()
    {
        using var document = JsonDocument.Parse("""
            {"resourceType":"ConceptMap","group":[
              {"source":"http://read.info/readv2","target":"http://snomed.info/sct","element":[{"code":"H33.","target":[{"code":"195967001","equivalence":"equivalent"}]}]},
              {"source":"http://read.info/ctv3","target":"http://snomed.info/sct","element":[
                {"code":"A....","target":[{"code":"1","equivalence":"unmatched"}]},
                {"code":"B....","target":[{"code":"22298006","display":"MI","equivalence":"equivalent"}]}]}]}
            """);

        var map = Ctv3SnomedMap.Parse(document.RootElement);

        map.Count.Should().Be(1);
        map.Translate("B....").Should().Be(new SnomedTarget("22298006", "MI"));
    }
}
