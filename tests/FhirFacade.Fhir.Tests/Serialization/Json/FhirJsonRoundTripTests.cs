using System.Text.Json.Nodes;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Serialization.Json;

[Trait("Category", "Conformance")]
public sealed class FhirJsonRoundTripTests
{
    public static TheoryData<string> UkCoreExamples()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestFhir.UkCoreExampleFileNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UkCoreExamples))]
    public void ParseSerialize_UkCoreExample_IsSemanticallyEqualAndStable(string fileName)
    {
        var original = TestFhir.ReadUkCoreExample(fileName);

        var result = TestFhir.ParseJsonResult(original);
        var first = TestFhir.SerializeJson(result.Root!);
        var second = TestFhir.SerializeJson(TestFhir.ParseJson(first));

        result.Issues.Should().BeEmpty();
        second.Should().Be(first);
        JsonNormalizer.Normalize(first).Should().Be(JsonNormalizer.Normalize(original));
        JsonNode.DeepEquals(JsonNode.Parse(first), JsonNode.Parse(original)).Should().BeTrue();
    }
}
