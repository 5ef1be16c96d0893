using System.Text.Json.Nodes;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class MicrotestAllergyIntoleranceMapperTests
{
    [Fact]
    public void Map_ResolvedDrugAllergy_MatchesSnapshot()
    {
        var context = MapperSnapshot.Context();
        var allergy = MapperSnapshot.Native<MicrotestAllergy>("allergy-penicillin");

        var resource = MicrotestAllergyIntoleranceMapper.Map(allergy, context);

        var (actual, expected) = MapperSnapshot.Compare(resource!, "allergy-penicillin");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(actual.ToJsonString());
    }

    [Fact]
    public void Map_NoKnownAllergies_CodesSnomed716186003()
    {
        var entry = new MicrotestNoKnownAllergies("A-1", "716186003", "No known allergy", "01/01/2020", null);

        var resource = MicrotestAllergyIntoleranceMapper.Map(entry, MapperSnapshot.Context());

        resource!.Code!.Coding.Should().ContainSingle().Which.Code.Should().Be("716186003");
        resource.Type.Should().BeNull();
    }
}
