using System.Text.Json.Nodes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Fhir.Tests.Serialization.Xml;

/// <summary>
/// The XML reader against HL7's own material: the official XML inputs of the FHIRPath test suite,
/// read as XML and written as JSON, equal the independently converted JSON of the same files.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class XmlOfficialExamplesTests
{
    public static TheoryData<string> Inputs() => new()
    {
        "patient-example",
        "questionnaire-example",
        "observation-example",
        "valueset-example-expansion",
        "parameters-example-types",
        "patient-example-period",
        "codesystem-example",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_OfficialXmlExample_EqualsItsJsonForm(string name)
    {
        var testCases = Path.Combine(XmlRoundTripTests.SharedFolder(), "fhir-test-cases", "r4");
        var kernel = FhirKernel.Default;

        // observation-example.xml of the FHIRPath suite deliberately puts an extension out of
        // order; lenient reading reports that as a warning and reads on.
        var fromXml = new FhirXmlParser(kernel.Model, new FhirXmlParserOptions { Lenient = true }).Parse(File.ReadAllText(Path.Combine(testCases, name + ".xml")));
        var fromJson = kernel.JsonParser.Parse(File.ReadAllBytes(Path.Combine(testCases, "converted-json", name + ".json")));

        fromXml.Issues.Where(i => i.IsError).Should().BeEmpty();
        fromJson.Root.Should().NotBeNull();
        var expected = JsonNode.Parse(kernel.JsonSerializer.Serialize(fromJson.Root!))!;
        var actual = JsonNode.Parse(kernel.JsonSerializer.Serialize(fromXml.Root!))!;
        StripNarrative(expected);
        StripNarrative(actual);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"XML and JSON forms of {name} should be the same resource:\n{actual}\n---\n{expected}");
    }

    // The converted JSON keeps the narrative's source markup (character references undecoded),
    // so the narrative is compared separately as XML, not as text.
    private static void StripNarrative(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["div"] is JsonValue div)
                {
                    obj["div"] = System.Xml.Linq.XElement.Parse(div.GetValue<string>()).Value;
                }

                foreach (var property in obj.ToList())
                {
                    if (property.Value is not null)
                    {
                        StripNarrative(property.Value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        StripNarrative(item);
                    }
                }

                break;
        }
    }
}
