using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Fhir.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class FhirResourceTests
{
    [Fact]
    public void FromElementNode_PatientNode_ReadsPrimitivesComplexValuesAndChoices()
    {
        var node = new ElementNode("Patient", "Patient");
        node.AddChild(new ElementNode("id", "string", text: "p1"));
        var identifier = node.AddChild(new ElementNode("identifier", "Identifier"));
        identifier.AddChild(new ElementNode("system", "uri", text: UkCoreSystems.NhsNumber));
        identifier.AddChild(new ElementNode("value", "string", text: "9000000009"));
        node.AddChild(new ElementNode("active", "boolean", text: "true"));
        var name = node.AddChild(new ElementNode("name", "HumanName"));
        name.AddChild(new ElementNode("family", "string", text: "Smith"));
        name.AddChild(new ElementNode("given", "string", text: "Jane"));
        name.AddChild(new ElementNode("given", "string", text: "Ann"));
        node.AddChild(new ElementNode("deceased", "dateTime", text: "2020-01"));
        var contact = node.AddChild(new ElementNode("contact", "BackboneElement"));
        contact.AddChild(new ElementNode("gender", "code", text: "female"));

        var patient = FhirResource.FromElementNode<Patient>(node);

        patient.Id.Should().Be("p1");
        patient.Identifier.Should().ContainSingle().Which.Value.Should().Be("9000000009");
        patient.Active.Should().BeTrue();
        patient.Name[0].Family.Should().Be("Smith");
        patient.Name[0].Given.Should().Equal("Jane", "Ann");
        patient.Deceased.Should().BeOfType<FhirDateTime>().Which.Value.Should().Be("2020-01");
        patient.Contact.Should().ContainSingle().Which.Gender.Should().Be("female");
    }

    [Fact]
    public void FromElementNode_PrimitiveWithExtension_KeepsExtensionOnElement()
    {
        var node = new ElementNode("Patient", "Patient");
        var birthDate = node.AddChild(new ElementNode("birthDate", "date", text: "2019-03"));
        var extension = birthDate.AddChild(new ElementNode("extension", "Extension"));
        extension.AddChild(new ElementNode("url", "uri", text: "http://hl7.org/fhir/StructureDefinition/patient-birthTime"));
        extension.AddChild(new ElementNode("value", "dateTime", text: "2019-03-01T10:00:00Z"));

        var patient = Patient.FromElementNode(node);

        patient.BirthDate.Should().Be("2019-03");
        patient.BirthDateElement!.Extension.Should().ContainSingle()
            .Which.Value.Should().BeOfType<FhirDateTime>().Which.Value.Should().Be("2019-03-01T10:00:00Z");
    }

    [Fact]
    public void FromElementNode_UnknownElementsAndChoiceTypes_AreIgnored()
    {
        var node = new ElementNode("Condition", "Condition");
        node.AddChild(new ElementNode("notAnElement", "string", text: "x"));
        node.AddChild(new ElementNode("onset", "NotAType"));

        var condition = FhirResource.FromElementNode<Condition>(node);

        condition.Onset.Should().BeNull();
    }

    [Fact]
    public void FromElementNode_ContainedResourceOutsideModel_KeptAsCopiedTree()
    {
        var node = new ElementNode("Condition", "Condition");
        var contained = node.AddChild(new ElementNode("contained", "Observation"));
        contained.AddChild(new ElementNode("id", "string", text: "o1"));

        var condition = FhirResource.FromElementNode<Condition>(node);

        var kept = condition.Contained.Should().ContainSingle().Which.Should().BeOfType<ElementNodeResource>().Subject;
        kept.TypeName.Should().Be("Observation");
        kept.Id.Should().Be("o1");
        kept.Node.Should().NotBeSameAs(contained);
    }

    [Fact]
    public void FromElementNodeOfT_NodeOfOtherType_Throws()
    {
        var node = new ElementNode("Condition", "Condition");

        var act = () => FhirResource.FromElementNode<Patient>(node);

        act.Should().Throw<ArgumentException>().WithMessage("*Condition*Patient*");
    }

    [Fact]
    public void FromElementNode_DecimalAndIntegerText_KeepsScale()
    {
        var node = new ElementNode("Medication", "Medication");
        var amount = node.AddChild(new ElementNode("amount", "Ratio"));
        var numerator = amount.AddChild(new ElementNode("numerator", "Quantity"));
        numerator.AddChild(new ElementNode("value", "decimal", text: "1.50"));

        var medication = Medication.FromElementNode(node);

        medication.Amount!.Numerator!.Value.Should().Be(1.50m);
        medication.Amount.Numerator.ValueElement!.LexicalValue.Should().Be("1.50");
    }

    [Fact]
    public void PrimitiveProperty_SetToNullWithoutExtensions_ClearsElement()
    {
        var patient = new Patient { BirthDate = "1980-01-02" };

        patient.BirthDate = null;

        patient.BirthDateElement.Should().BeNull();
    }

    [Fact]
    public void PrimitiveProperty_SetToNullWithExtension_KeepsElementForExtension()
    {
        var patient = new Patient { BirthDate = "1980-01-02" };
        patient.BirthDateElement!.Extension.Add(new Extension(FhirSystems.DataAbsentReasonExtension, new FhirCode("masked")));

        patient.BirthDate = null;

        patient.BirthDateElement.Should().NotBeNull();
        patient.BirthDateElement!.Value.Should().BeNull();
    }
}
