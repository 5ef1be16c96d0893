using FhirFacade.Core.Terminology;
using FhirFacade.Suppliers.Tpp.Mapping;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class Ctv3SnomedMapTests
{
    public static TheoryData<string> Unmapped => new()
    {
        "F26..",
        "H27..",
        "XXXXX",
        // Narrower SNOMED CT targets in the ConceptMap: not usable beside the CTV3 coding.
        "G573.",
        "N05..",
    };

    [Fact]
    public void Load_ProjectConceptMap_MapsAsthmaToSnomed()
    {
        var map = Ctv3SnomedMap.Load();

        var target = map.Translate("H33..");

        target.Should().Be(new SnomedTarget("195967001", "Asthma"));
    }

    [Fact]
    public void Load_WiderTarget_IsUsed()
    {
        var map = Ctv3SnomedMap.Load();

        var target = map.Translate("C04..");

        target.Should().Be(new SnomedTarget("40930008", "Hypothyroidism"));
    }

    [Theory]
    [MemberData(nameof(Unmapped))]
    public void Load_UnmappedOrNarrowerCodes_TranslateToNull(string code)
    {
        var map = Ctv3SnomedMap.Load();

        var target = map.Translate(code);

        target.Should().BeNull();
    }
}
