using System.Text.Json;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Definitions;

[Trait("Category", "Unit")]
public sealed class StructureDefinitionReaderTests
{
    private const string UkCorePatient = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    private const string CorePatient = "http://hl7.org/fhir/StructureDefinition/Patient";

    [Fact]
    public void Read_UkCorePatient_ReadsHeaderAndDifferential()
    {
        var json = TestPackageResolver.Shared.ResolveCanonical(UkCorePatient)!.Value;

        var sd = StructureDefinitionReader.Read(json);

        sd.Url.Should().Be(UkCorePatient);
        sd.Type.Should().Be("Patient");
        sd.Kind.Should().Be(StructureDefinitionKind.Resource);
        sd.Derivation.Should().Be(TypeDerivation.Constraint);
        sd.BaseDefinition.Should().Be(CorePatient);
        sd.HasSnapshot.Should().BeFalse();
        var system = sd.Differential.Single(e => e.Id == "Patient.identifier:nhsNumber.system");
        system.Path.Should().Be("Patient.identifier.system");
        system.Min.Should().Be(1);
        system.Fixed!.TypeSuffix.Should().Be("Uri");
        system.Fixed.TypeCode.Should().Be("uri");
        system.Fixed.AsString.Should().Be("https://fhir.nhs.uk/Id/nhs-number");
    }

    [Fact]
    public void Read_UkCorePatientIdentifier_ReadsSlicing()
    {
        var json = TestPackageResolver.Shared.ResolveCanonical(UkCorePatient)!.Value;

        var identifier = StructureDefinitionReader.Read(json).Differential.Single(e => e.Id == "Patient.identifier");

        identifier.Slicing.Should().NotBeNull();
        identifier.Slicing!.Discriminators.Should().Equal(new SlicingDiscriminator(DiscriminatorType.Value, "system"));
        identifier.Slicing.Rules.Should().Be(SlicingRules.Open);
        identifier.Slicing.Ordered.Should().BeFalse();
        identifier.MustSupport.Should().BeTrue();
    }

    [Fact]
    public void Read_CorePatient_ReadsSnapshotTypesConstraintsAndBindings()
    {
        var json = TestPackageResolver.Shared.ResolveCanonical(CorePatient)!.Value;

        var sd = StructureDefinitionReader.Read(json);

        sd.HasSnapshot.Should().BeTrue();
        var root = sd.Snapshot![0];
        root.Path.Should().Be("Patient");
        root.Constraints.Should().Contain(c => c.Key == "dom-2" && c.Severity == ConstraintSeverity.Error && c.Expression != null);
        var gender = sd.Snapshot.Single(e => e.Path == "Patient.gender");
        gender.Binding!.Strength.Should().Be(BindingStrength.Required);
        gender.Binding.ValueSet.Should().StartWith("http://hl7.org/fhir/ValueSet/administrative-gender");
        gender.Types.Should().ContainSingle().Which.Code.Should().Be("code");
        gender.Base.Should().Be(new ElementBase("Patient.gender", 0, "1"));
        var gp = sd.Snapshot.Single(e => e.Path == "Patient.generalPractitioner");
        gp.Types.Single().TargetProfile.Should().HaveCount(3);
        gp.IsRepeating.Should().BeTrue();
        var deceased = sd.Snapshot.Single(e => e.Path == "Patient.deceased[x]");
        deceased.IsChoice.Should().BeTrue();
        deceased.Types.Select(t => t.Code).Should().Equal("boolean", "dateTime");
        deceased.IsModifier.Should().BeTrue();
    }

    [Fact]
    public void Read_NotAStructureDefinition_Throws()
    {
        using var doc = JsonDocument.Parse("""{"resourceType":"ValueSet"}""");

        var act = () => StructureDefinitionReader.Read(doc.RootElement);

        act.Should().Throw<ArgumentException>();
    }

    public static TheoryData<string> RoundTripCanonicals => new()
    {
        CorePatient,
        "http://hl7.org/fhir/StructureDefinition/Extension",
        "http://hl7.org/fhir/StructureDefinition/Quantity",
        UkCorePatient,
        "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus",
    };

    [Theory]
    [MemberData(nameof(RoundTripCanonicals))]
    public void Write_ThenRead_RoundTripsModelledContent(string canonical)
    {
        var sd = StructureDefinitionReader.Read(TestPackageResolver.Shared.ResolveCanonical(canonical)!.Value);
        var first = StructureDefinitionWriter.ToUtf8Bytes(sd);

        using var doc = JsonDocument.Parse(first);
        var again = StructureDefinitionReader.Read(doc.RootElement);
        var second = StructureDefinitionWriter.ToUtf8Bytes(again);

        JsonNode.DeepEquals(JsonNode.Parse(first), JsonNode.Parse(second)).Should().BeTrue();
        again.Snapshot?.Count.Should().Be(sd.Snapshot?.Count);
        again.Differential.Count.Should().Be(sd.Differential.Count);
    }

    [Fact]
    public void Write_FixedValue_KeepsSuffixAndValue()
    {
        var sd = StructureDefinitionReader.Read(TestPackageResolver.Shared.ResolveCanonical(UkCorePatient)!.Value);

        var node = JsonNode.Parse(StructureDefinitionWriter.ToUtf8Bytes(sd))!;

        var system = node["differential"]!["element"]!.AsArray()
            .Single(e => (string?)e!["id"] == "Patient.identifier:nhsNumber.system")!;
        ((string?)system["fixedUri"]).Should().Be("https://fhir.nhs.uk/Id/nhs-number");
    }
}
