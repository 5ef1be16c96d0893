using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Serialization.Json;

[Trait("Category", "Unit")]
public sealed class FhirJsonParserTests
{
    [Fact]
    public void Parse_ValidPatient_BuildsTypedTree()
    {
        const string json = """
            {"resourceType":"Patient","id":"p1","active":true,
             "name":[{"family":"Smith","given":["Ann","Bea"],"_given":[null,{"extension":[{"url":"http://example.org/x","valueString":"y"}]}]}],
             "deceasedBoolean":false,
             "contact":[{"name":{"text":"Joe"}}]}
            """;

        var result = TestFhir.ParseJsonResult(json);

        result.Issues.Should().BeEmpty();
        var patient = result.Root!;
        patient.InstanceType.Should().Be("Patient");
        patient.IsResource.Should().BeTrue();
        patient.Child("active")!.InstanceType.Should().Be("boolean");
        patient.Child("active")!.Text.Should().Be("true");
        var deceased = patient.Child("deceased")!;
        deceased.InstanceType.Should().Be("boolean");
        deceased.Definition!.IsChoice.Should().BeTrue();
        var given = patient.Child("name")!.ChildrenNamed("given").ToList();
        given.Should().HaveCount(2);
        given[1].Text.Should().Be("Bea");
        given[1].Child("extension")!.Child("value")!.Text.Should().Be("y");
        given[1].Location.Should().Be("Patient.name[0].given[1]");
        var contact = patient.Child("contact")!;
        contact.Type!.Name.Should().Be("Patient.contact");
        contact.Type.IsBackbone.Should().BeTrue();
        contact.InstanceType.Should().Be("BackboneElement");
    }

    [Fact]
    public void Parse_Decimal_KeepsWrittenText()
    {
        const string json = """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1.50,"unit":"mg"}}""";

        var root = TestFhir.ParseJson(json);
        var serialized = TestFhir.SerializeJson(root);

        var value = root.Child("value")!;
        value.InstanceType.Should().Be("Quantity");
        value.Child("value")!.Text.Should().Be("1.50");
        value.Child("value")!.PrimitiveType.Should().Be(PrimitiveSystemType.Decimal);
        serialized.Should().Be(json);
    }

    [Fact]
    public void Parse_ContainedAndBundleResources_AreNestedResourceNodes()
    {
        const string json = """
            {"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","contained":[{"resourceType":"Organization","name":"GP"}]}}]}
            """;

        var root = TestFhir.ParseJson(json);

        var resource = root.Child("entry")!.Child("resource")!;
        resource.IsResource.Should().BeTrue();
        resource.InstanceType.Should().Be("Patient");
        var contained = resource.Child("contained")!;
        contained.InstanceType.Should().Be("Organization");
        contained.IsResource.Should().BeTrue();
        contained.Location.Should().Be("Bundle.entry[0].resource.contained[0]");
    }
}
