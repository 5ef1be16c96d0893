using System.Text;
using System.Text.Json;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Serialization.Json;

[Trait("Category", "Unit")]
public sealed class FhirJsonSerializerTests
{
    [Fact]
    public void Serialize_ChildrenOutOfOrder_WritesResourceTypeFirstThenDefinitionOrder()
    {
        var root = TestFhir.ParseJson("{\"gender\":\"male\",\"name\":[{\"given\":[\"A\"],\"family\":\"B\"}],\"id\":\"x\",\"resourceType\":\"Patient\"}");

        var json = TestFhir.SerializeJson(root);

        json.Should().Be("{\"resourceType\":\"Patient\",\"id\":\"x\",\"name\":[{\"family\":\"B\",\"given\":[\"A\"]}],\"gender\":\"male\"}");
    }

    [Fact]
    public void Serialize_PrimitiveArrayWithExtensions_AlignsUnderscoreArrayWithNulls()
    {
        const string json = "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"A\",\"B\",null],\"_given\":[null,{\"id\":\"g2\"},{\"id\":\"g3\"}]}]}";

        var output = TestFhir.SerializeJson(TestFhir.ParseJson(json));

        output.Should().Be(json);
    }

    [Fact]
    public void Serialize_PrimitiveWithOnlyExtension_WritesOnlyUnderscoreProperty()
    {
        const string json = "{\"resourceType\":\"Patient\",\"_birthDate\":{\"extension\":[{\"url\":\"http://example.org/x\",\"valueBoolean\":true}]}}";

        var root = TestFhir.ParseJson(json);
        var output = TestFhir.SerializeJson(root);

        root.Child("birthDate")!.Text.Should().BeNull();
        output.Should().Be(json);
    }

    [Fact]
    public void Serialize_NumbersAndBooleans_AreLiteralsExactlyAsWritten()
    {
        const string json = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"t\"},\"valueQuantity\":{\"value\":1.50E+3},\"component\":[{\"code\":{\"text\":\"c\"},\"valueInteger\":-0},{\"code\":{\"text\":\"d\"},\"valueBoolean\":false}]}";

        var output = TestFhir.SerializeJson(TestFhir.ParseJson(json));

        output.Should().Be(json);
    }

    [Fact]
    public void Serialize_Pretty_IndentsWithTwoSpaces()
    {
        var root = TestFhir.ParseJson("{\"resourceType\":\"Patient\",\"active\":true}");

        var output = TestFhir.SerializeJson(root, pretty: true);

        output.Should().Be("{\n  \"resourceType\": \"Patient\",\n  \"active\": true\n}".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_NarrativeAndNonAscii_AreNotEscapedNeedlessly()
    {
        const string json = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Zoë &amp; co</div>\"}}";

        var output = TestFhir.SerializeJson(TestFhir.ParseJson(json));

        output.Should().Be(json);
    }

    [Fact]
    public void Serialize_ToStreamAndWriter_MatchesString()
    {
        var root = TestFhir.ParseUkCoreExample(TestFhir.UkCoreExampleFileNames()[0]);
        var expected = TestFhir.SerializeJson(root);
        using var stream = new MemoryStream();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        TestFhir.JsonSerializer.Serialize(root, stream);
        using (var writer = new Utf8JsonWriter(buffer, FhirJsonSerializer.WriterOptions(null)))
        {
            TestFhir.JsonSerializer.Serialize(root, writer);
        }

        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(expected);
        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be(expected);
    }

    [Fact]
    public void Serialize_BuiltTreeWithDefinitions_WritesChoiceSuffixAndArrays()
    {
        var model = TestFhir.Model;
        var patientType = model.FindType("Patient")!;
        var patient = new ElementNode("Patient", "Patient", patientType);
        var deceased = patientType.FindChild("deceased")!;
        patient.AddChild(new ElementNode("deceased", "dateTime", model.FindType("dateTime"), deceased, "2020-01-01"));
        var nameDefinition = patientType.FindChild("name")!;
        var name = patient.AddChild(new ElementNode("name", "HumanName", model.FindType("HumanName"), nameDefinition));
        name.AddChild(new ElementNode("family", "string", model.FindType("string"), model.FindType("HumanName")!.FindChild("family"), "Smith"));

        var output = TestFhir.SerializeJson(patient);

        output.Should().Be("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Smith\"}],\"deceasedDateTime\":\"2020-01-01\"}");
    }

    [Fact]
    public void Serialize_ContainedResources_WriteTheirResourceType()
    {
        const string json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"contained\":[{\"resourceType\":\"Organization\",\"name\":\"GP\"}],\"active\":true}}]}";

        var output = TestFhir.SerializeJson(TestFhir.ParseJson(json));

        output.Should().Be(json);
    }

    [Fact]
    public void Serialize_UnderscoreArrayReadBeforeValues_MergesByIndex()
    {
        const string json = "{\"resourceType\":\"Patient\",\"name\":[{\"_given\":[{\"id\":\"a\"},null],\"given\":[\"A\",\"B\"]}]}";

        var root = TestFhir.ParseJson(json);
        var output = TestFhir.SerializeJson(root);

        root.Child("name")!.ChildrenNamed("given").Select(g => g.Text).Should().Equal("A", "B");
        output.Should().Be("{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"A\",\"B\"],\"_given\":[{\"id\":\"a\"},null]}]}");
    }
}
