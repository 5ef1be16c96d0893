using System.Collections.Concurrent;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Model;

[Trait("Category", "Unit")]
public sealed class FhirModelTests
{
    public static TheoryData<string, PrimitiveSystemType> PrimitiveTypes() => new()
    {
        { "boolean", PrimitiveSystemType.Boolean },
        { "integer", PrimitiveSystemType.Integer },
        { "positiveInt", PrimitiveSystemType.Integer },
        { "unsignedInt", PrimitiveSystemType.Integer },
        { "decimal", PrimitiveSystemType.Decimal },
        { "date", PrimitiveSystemType.Date },
        { "dateTime", PrimitiveSystemType.DateTime },
        { "instant", PrimitiveSystemType.DateTime },
        { "time", PrimitiveSystemType.Time },
        { "string", PrimitiveSystemType.String },
        { "code", PrimitiveSystemType.String },
        { "id", PrimitiveSystemType.String },
        { "uri", PrimitiveSystemType.String },
        { "url", PrimitiveSystemType.String },
        { "canonical", PrimitiveSystemType.String },
        { "oid", PrimitiveSystemType.String },
        { "uuid", PrimitiveSystemType.String },
        { "markdown", PrimitiveSystemType.String },
        { "base64Binary", PrimitiveSystemType.String },
        { "xhtml", PrimitiveSystemType.String },
    };

    [Fact]
    public void FindType_Patient_HasResourceShapeInSnapshotOrder()
    {
        var patient = TestFhir.Model.FindType("Patient")!;

        patient.Kind.Should().Be(TypeKind.Resource);
        patient.BaseTypeName.Should().Be("DomainResource");
        patient.Url.Should().Be("http://hl7.org/fhir/StructureDefinition/Patient");
        patient.Children.Take(4).Select(c => c.Name).Should().Equal("id", "meta", "implicitRules", "language");
        patient.Children.Select(c => c.Order).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        patient.FindChild("id")!.InSummary.Should().BeTrue();
        patient.FindChild("active")!.IsModifier.Should().BeTrue();
        patient.FindChild("name")!.Max.Should().BeNull();
        patient.FindChild("gender")!.Max.Should().Be(1);
        patient.FindChild("contained")!.IsResourceContainer.Should().BeTrue();
    }

    [Fact]
    public void FindType_ChoiceElement_ResolvesSerializedNames()
    {
        var patient = TestFhir.Model.FindType("Patient")!;

        var found = patient.TryResolveSerializedName("deceasedDateTime", out var child, out var typeCode);
        var unknown = patient.TryResolveSerializedName("deceasedString", out _, out _);

        found.Should().BeTrue();
        child.Name.Should().Be("deceased");
        child.IsChoice.Should().BeTrue();
        child.TypeCodes.Should().Equal("boolean", "dateTime");
        typeCode.Should().Be("dateTime");
        unknown.Should().BeFalse();
    }

    [Fact]
    public void FindType_BackboneElement_IsNestedTypeNamedByPath()
    {
        var contact = TestFhir.Model.FindType("Patient")!.FindChild("contact")!;

        var backbone = contact.BackboneType!;

        backbone.Name.Should().Be("Patient.contact");
        backbone.IsBackbone.Should().BeTrue();
        backbone.Kind.Should().Be(TypeKind.ComplexType);
        backbone.BaseTypeName.Should().Be("BackboneElement");
        backbone.Children.Select(c => c.Name).Should().StartWith(["id", "extension", "modifierExtension", "relationship"]);
        TestFhir.Model.FindType("Patient.contact").Should().BeSameAs(backbone);
    }

    [Fact]
    public void FindType_ContentReference_SharesTheReferencedBackbone()
    {
        var item = TestFhir.Model.FindType("Questionnaire")!.FindChild("item")!;

        var nested = item.BackboneType!.FindChild("item")!;

        nested.BackboneType.Should().BeSameAs(item.BackboneType);
        nested.TypeCodes.Should().Equal("BackboneElement");
        nested.Path.Should().Be("Questionnaire.item.item");
    }

    [Theory]
    [MemberData(nameof(PrimitiveTypes))]
    public void FindType_Primitive_MapsToSystemTypeWithoutValueChild(string name, PrimitiveSystemType expected)
    {
        var type = TestFhir.Model.FindType(name)!;

        type.Kind.Should().Be(TypeKind.PrimitiveType);
        type.PrimitiveType.Should().Be(expected);
        type.Children.Select(c => c.Name).Should().Equal("id", "extension");
    }

    [Fact]
    public void FindType_SystemTypedElements_UseTheFhirTypeExtension()
    {
        var extension = TestFhir.Model.FindType("Extension")!;
        var resource = TestFhir.Model.FindType("Resource")!;

        extension.FindChild("url")!.TypeCodes.Should().Equal("uri");
        extension.FindChild("url")!.IsXmlAttribute.Should().BeTrue();
        extension.FindChild("id")!.IsXmlAttribute.Should().BeTrue();
        resource.FindChild("id")!.TypeCodes.Should().Equal("string");
        extension.FindChild("value")!.TypeCodes.Should().Contain(["base64Binary", "Quantity", "Reference", "Meta"]);
    }

    [Theory]
    [InlineData("Age", "Quantity", true)]
    [InlineData("Patient", "DomainResource", true)]
    [InlineData("Patient", "Resource", true)]
    [InlineData("Bundle", "DomainResource", false)]
    [InlineData("code", "string", true)]
    [InlineData("Patient", "Quantity", false)]
    [InlineData("Patient.contact", "BackboneElement", true)]
    public void IsSubtypeOf_FollowsBaseDefinitions(string type, string ancestor, bool expected)
    {
        var result = TestFhir.Model.IsSubtypeOf(type, ancestor);

        result.Should().Be(expected);
    }

    [Theory]
    [InlineData("SimpleQuantity")]
    [InlineData("NoSuchType")]
    [InlineData("vitalsigns")]
    public void FindType_ProfileOrUnknownName_ReturnsNull(string name)
    {
        var type = TestFhir.Model.FindType(name);

        type.Should().BeNull();
    }

    [Fact]
    public void FindType_ConcurrentFirstUse_BuildsOneInstance()
    {
        var model = FhirModel.Create(TestFhir.Packages);
        var seen = new ConcurrentBag<TypeDefinition>();

        Parallel.For(0, 16, _ => seen.Add(model.FindType("MedicationStatement")!));

        seen.Distinct().Should().ContainSingle();
    }
}
