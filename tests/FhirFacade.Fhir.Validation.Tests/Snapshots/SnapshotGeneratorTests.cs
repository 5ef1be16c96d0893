using System.Text.Json;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Snapshots;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

[Trait("Category", "Unit")]
public sealed class SnapshotGeneratorTests
{
    private const string UkCore = "https://fhir.hl7.org.uk/StructureDefinition/";

    private static ElementDefinition Element(string profileId, string elementId) =>
        SnapshotTestContext.Provider.Resolve(UkCore + profileId)!.Snapshot!.Single(e => e.Id == elementId);

    [Fact]
    public void Generate_UkCorePatient_FixesNhsNumberSystem()
    {
        var system = Element("UKCore-Patient", "Patient.identifier:nhsNumber.system");

        system.Path.Should().Be("Patient.identifier.system");
        system.Min.Should().Be(1);
        system.Max.Should().Be("1");
        system.Fixed!.TypeCode.Should().Be("uri");
        system.Fixed.AsString.Should().Be("https://fhir.nhs.uk/Id/nhs-number");
        system.MustSupport.Should().BeTrue();
    }

    [Fact]
    public void Generate_UkCorePatient_PutsSlicesAfterSlicedElementAndItsChildren()
    {
        var snapshot = SnapshotTestContext.Provider.Resolve(UkCore + "UKCore-Patient")!.Snapshot!;
        var ids = snapshot.Select(e => e.Id).ToList();

        var identifier = snapshot[ids.IndexOf("Patient.identifier")];

        identifier.Slicing!.Discriminators.Should().Equal(new SlicingDiscriminator(DiscriminatorType.Value, "system"));
        ids.IndexOf("Patient.identifier:nhsNumber").Should().Be(ids.IndexOf("Patient.identifier") + 1);
        ids.IndexOf("Patient.identifier:nhsNumber.value").Should().BeLessThan(ids.IndexOf("Patient.active"));
        snapshot[ids.IndexOf("Patient.identifier:nhsNumber")].SliceName.Should().Be("nhsNumber");
        snapshot[ids.IndexOf("Patient.identifier:nhsNumber")].Slicing.Should().BeNull();
    }

    [Fact]
    public void Generate_UkCorePatient_UnfoldsNhsNumberVerificationStatusExtension()
    {
        const string slice = "Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus";

        var entry = Element("UKCore-Patient", slice);
        var url = Element("UKCore-Patient", slice + ".url");
        var value = Element("UKCore-Patient", slice + ".value[x]");

        entry.Max.Should().Be("1");
        entry.Types.Single().Profile.Should().Equal(UkCore + "Extension-UKCore-NHSNumberVerificationStatus");
        url.Fixed!.AsString.Should().Be(UkCore + "Extension-UKCore-NHSNumberVerificationStatus");
        value.Path.Should().Be("Patient.identifier.extension.value[x]");
        value.Types.Select(t => t.Code).Should().Equal("CodeableConcept");
        value.Binding!.Strength.Should().Be(BindingStrength.Required);
        value.Binding.ValueSet.Should().Be("https://fhir.hl7.org.uk/ValueSet/UKCore-NHSNumberVerificationStatus");
        Element("UKCore-Patient", "Patient.identifier:nhsNumber.extension").Slicing!.Discriminators
            .Should().Equal(new SlicingDiscriminator(DiscriminatorType.Value, "url"));
    }

    public static TheoryData<string, string, string> ExtensionSlices => new()
    {
        { "UKCore-Patient", "Patient.extension:ethnicCategory", "Extension-UKCore-EthnicCategory" },
        { "UKCore-Patient", "Patient.extension:residentialStatus", "Extension-UKCore-ResidentialStatus" },
        { "UKCore-Patient", "Patient.extension:birthSex", "Extension-UKCore-BirthSex" },
        { "UKCore-Patient", "Patient.extension:contactPreference", "Extension-UKCore-ContactPreference" },
        { "UKCore-MedicationStatement", "MedicationStatement.extension:medicationStatementLastIssueDate", "Extension-UKCore-MedicationStatementLastIssueDate" },
        { "UKCore-AllergyIntolerance", "AllergyIntolerance.clinicalStatus.extension:allergyIntoleranceEnd", "Extension-UKCore-AllergyIntoleranceEnd" },
        { "UKCore-Condition", "Condition.extension:conditionEpisode", "Extension-UKCore-ConditionEpisode" },
        { "UKCore-Medication", "Medication.extension:MedicationTradeFamily", "Extension-UKCore-MedicationTradeFamily" },
    };

    [Theory]
    [MemberData(nameof(ExtensionSlices))]
    public void Generate_ExtensionSlice_FixesUrlFromExtensionDefinition(string profile, string sliceId, string extensionId)
    {
        var url = Element(profile, sliceId + ".url");

        url.Fixed!.AsString.Should().Be(UkCore + extensionId);
        url.Min.Should().Be(1);
    }

    [Fact]
    public void Generate_MedicationStatementLastIssueDate_ValueIsDateTime()
    {
        var value = Element("UKCore-MedicationStatement", "MedicationStatement.extension:medicationStatementLastIssueDate.value[x]");

        value.Types.Select(t => t.Code).Should().Equal("dateTime");
        value.Min.Should().Be(1);
    }

    [Fact]
    public void Generate_EthnicCategory_BindsValueToUkCoreValueSet()
    {
        var value = Element("UKCore-Patient", "Patient.extension:ethnicCategory.value[x]");

        value.Binding.Should().Be(new ElementBinding(BindingStrength.Extensible, "https://fhir.hl7.org.uk/ValueSet/UKCore-EthnicCategory", value.Binding!.Description));
        Element("UKCore-Patient", "Patient.extension:ethnicCategory").Max.Should().Be("1");
    }

    [Fact]
    public void Generate_ComplexExtensionConstrainedInProfile_KeepsExtensionSlices()
    {
        var level = Element("UKCore-Patient", "Patient.communication.extension:proficiency.extension:level.url");

        level.Fixed!.AsString.Should().Be("level");
    }

    public static TheoryData<string, string, BindingStrength, string> Bindings => new()
    {
        { "UKCore-AllergyIntolerance", "AllergyIntolerance.code", BindingStrength.Preferred, "https://fhir.hl7.org.uk/ValueSet/UKCore-AllergyCode" },
        { "UKCore-AllergyIntolerance", "AllergyIntolerance.reaction.manifestation", BindingStrength.Preferred, "https://fhir.hl7.org.uk/ValueSet/UKCore-AllergyManifestation" },
        { "UKCore-Condition", "Condition.category", BindingStrength.Extensible, "https://fhir.hl7.org.uk/ValueSet/UKCore-ConditionCategory" },
        { "UKCore-Condition", "Condition.code", BindingStrength.Preferred, "https://fhir.hl7.org.uk/ValueSet/UKCore-ConditionCode" },
        { "UKCore-MedicationStatement", "MedicationStatement.medication[x]", BindingStrength.Preferred, "https://fhir.hl7.org.uk/ValueSet/UKCore-MedicationCode" },
        { "UKCore-MedicationStatement", "MedicationStatement.dosage.route", BindingStrength.Preferred, "https://fhir.hl7.org.uk/ValueSet/UKCore-SubstanceOrProductAdministrationRoute" },
        { "UKCore-Patient", "Patient.gender", BindingStrength.Required, "http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1" },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Generate_BoundElement_HasProfileBinding(string profile, string elementId, BindingStrength strength, string valueSet)
    {
        var binding = Element(profile, elementId).Binding!;

        binding.Strength.Should().Be(strength);
        binding.ValueSet.Should().Be(valueSet);
    }

    [Fact]
    public void Generate_OrganizationOdsCode_SlicesIdentifierBySystem()
    {
        var system = Element("UKCore-Organization", "Organization.identifier:odsOrganisationCode.system");

        system.Fixed!.AsString.Should().Be("https://fhir.nhs.uk/Id/ods-organization-code");
        system.Min.Should().Be(1);
    }

    [Fact]
    public void Generate_DiagnosticReportLab_AddsConstraintWithSourceAndKeepsInherited()
    {
        var root = SnapshotTestContext.Provider.Resolve(UkCore + "UKCore-DiagnosticReport-Lab")!.Snapshot![0];

        root.Constraints.Should().Contain(c => c.Key == "dom-2" && c.Source == "http://hl7.org/fhir/StructureDefinition/DomainResource");
        root.Constraints.Where(c => c.Source == UkCore + "UKCore-DiagnosticReport-Lab").Should().NotBeEmpty();
    }

    [Fact]
    public void Generate_RenamedChoiceInDifferential_RestrictsChoiceType()
    {
        var sd = Profile("Observation", [Diff("Observation.valueQuantity", "Observation.valueQuantity") with { Min = 1 }, Diff("Observation.valueQuantity.unit", "Observation.valueQuantity.unit") with { Min = 1 }]);

        var result = Generator().Generate(sd);

        result.Issues.Where(i => i.IsError).Should().BeEmpty();
        var value = result.WithSnapshot.Snapshot!.Single(e => e.Id == "Observation.value[x]");
        value.Types.Select(t => t.Code).Should().Equal("Quantity");
        value.Min.Should().Be(1);
        result.WithSnapshot.Snapshot!.Single(e => e.Id == "Observation.value[x].unit").Min.Should().Be(1);
    }

    [Fact]
    public void Generate_ChoiceWithTypeRestriction_NarrowsTypes()
    {
        var sd = Profile("Observation", [Diff("Observation.effective[x]", "Observation.effective[x]") with { Types = [new ElementType("dateTime")] }]);

        var result = Generator().Generate(sd);

        result.Succeeded.Should().BeTrue();
        result.WithSnapshot.Snapshot!.Single(e => e.Id == "Observation.effective[x]").Types.Select(t => t.Code).Should().Equal("dateTime");
    }

    [Fact]
    public void Generate_ChoiceTypeSlice_SlicesByTypeAndRestrictsSlice()
    {
        var sd = Profile("Observation", [Diff("Observation.value[x]:valueQuantity", "Observation.value[x]") with { SliceName = "valueQuantity", Min = 1 }]);

        var result = Generator().Generate(sd);

        result.Issues.Should().BeEmpty();
        var snapshot = result.WithSnapshot.Snapshot!;
        snapshot.Single(e => e.Id == "Observation.value[x]").Slicing!.Discriminators.Should().Equal(new SlicingDiscriminator(DiscriminatorType.Type, "$this"));
        var slice = snapshot.Single(e => e.Id == "Observation.value[x]:valueQuantity");
        slice.Types.Select(t => t.Code).Should().Equal("Quantity");
        slice.Min.Should().Be(1);
    }

    [Fact]
    public void Generate_TypeNotInBase_ReportsError()
    {
        var sd = Profile("Patient", [Diff("Patient.gender", "Patient.gender") with { Types = [new ElementType("Quantity")] }]);

        var result = Generator().Generate(sd);

        result.Issues.Should().Contain(i => i.Code == SnapshotIssueCodes.TypeNotInBase && i.Severity == IssueSeverity.Error && i.Location == "Patient.gender");
    }

    [Fact]
    public void Generate_CardinalityWidened_ReportsError()
    {
        var sd = Profile("Patient", [Diff("Patient.link.other", "Patient.link.other") with { Min = 0 }]);

        var result = Generator().Generate(sd);

        result.Issues.Should().ContainSingle(i => i.Code == SnapshotIssueCodes.CardinalityWidened);
    }

    [Fact]
    public void Generate_UnknownElement_ReportsErrorAndKeepsGoing()
    {
        var sd = Profile("Patient", [Diff("Patient.nonsense", "Patient.nonsense"), Diff("Patient.active", "Patient.active") with { Min = 1 }]);

        var result = Generator().Generate(sd);

        result.Issues.Should().ContainSingle(i => i.Code == SnapshotIssueCodes.ElementNotFound && i.Location == "Patient.nonsense");
        result.WithSnapshot.Snapshot!.Single(e => e.Id == "Patient.active").Min.Should().Be(1);
    }

    [Fact]
    public void Generate_UnresolvableBase_ReportsErrorWithoutThrowing()
    {
        var sd = Profile("Patient", []) with { BaseDefinition = "http://example.org/StructureDefinition/missing" };

        var result = Generator().Generate(sd);

        result.Issues.Should().ContainSingle(i => i.Code == SnapshotIssueCodes.BaseNotFound);
    }

    [Fact]
    public void Generate_SliceOnUnslicedNonExtension_WarnsAndAssumesOpenSlicing()
    {
        var sd = Profile("Patient", [Diff("Patient.name:official", "Patient.name") with { SliceName = "official" }]);

        var result = Generator().Generate(sd);

        result.Issues.Should().ContainSingle(i => i.Code == SnapshotIssueCodes.SliceWithoutSlicing && i.Severity == IssueSeverity.Warning);
        result.WithSnapshot.Snapshot!.Single(e => e.Id == "Patient.name").Slicing!.Rules.Should().Be(SlicingRules.Open);
    }

    [Fact]
    public void Generate_FixedPatternOnNestedSlice_UnfoldsCodeableConceptAndCoding()
    {
        var code = Element("UKCore-DiagnosticReport-Lab", "DiagnosticReport.category:laboratory.coding.code");

        code.Path.Should().Be("DiagnosticReport.category.coding.code");
        code.Fixed!.TypeCode.Should().Be("code");
        code.Fixed.Value.ValueKind.Should().Be(JsonValueKind.String);
    }

    private static SnapshotGenerator Generator() => new(SnapshotTestContext.Provider);

    private static ElementDefinition Diff(string id, string path) => new() { Id = id, Path = path };

    private static StructureDefinition Profile(string type, IReadOnlyList<ElementDefinition> differential) => new()
    {
        Id = "test-" + type,
        Url = "http://example.org/StructureDefinition/test-" + type,
        Name = "Test" + type,
        Kind = StructureDefinitionKind.Resource,
        Type = type,
        BaseDefinition = FhirCanonicals.ForCoreType(type),
        Derivation = TypeDerivation.Constraint,
        Differential = differential,
    };
}
