using FhirFacade.Fhir.Conformance;
using FhirFacade.Suppliers.Vision.Mapping;
using FhirFacade.Suppliers.Vision.Native;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Vision.Tests.Mapping;

/// <summary>The clinical mappers (Condition, AllergyIntolerance, MedicationStatement, Medication, Practitioner, Organization) on a hand-written answer.</summary>
[Trait("Category", "Unit")]
public sealed class VisionClinicalMapperTests
{
    private static readonly VisionRecord Record = VisionMessages.Record(VisionMessages.Accepted("C1"));

    public static TheoryData<string, string, string?, string?> Problems => new()
    {
        { "P35000", "active", "1990", null },
        { "P35002", "resolved", "2024-11-04", "2024-11" },
        { "P35009", "inactive", "2019", null },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void MapCondition_Problem_MapsStatusAndPartialDates(string id, string status, string? onset, string? abatement)
    {
        var json = MappedJson.Of(VisionConditionMapper.Map(Record.Problems.Single(p => p.Id == id), MappedJson.Context())!);

        json["clinicalStatus"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be(status);
        json["onsetDateTime"]?.GetValue<string>().Should().Be(onset);
        json["abatementDateTime"]?.GetValue<string>().Should().Be(abatement);
        json["category"]![0]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("problem-list-item");
        json["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(UkCoreProfiles.Condition);
    }

    [Fact]
    public void MapCondition_MappedReadCode_KeepsReadV2FirstAndAddsSnomed()
    {
        var context = MappedJson.Context();

        var json = MappedJson.Of(VisionConditionMapper.Map(Record.Problems[0], context)!);

        json["code"]!["coding"]!.ToJsonString().Should().Be(
            """[{"system":"http://read.info/readv2","code":"H33..","display":"Asthma"},{"system":"http://snomed.info/sct","code":"195967001","display":"Asthma"}]""");
        json["note"]![0]!["text"]!.GetValue<string>().Should().Contain("350|400").And.Contain("cats & dogs ^ pollen ~ exercise \\ cold");
        json["subject"]!["reference"]!.GetValue<string>().Should().Be("Patient/" + context.PatientId);
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void MapCondition_UnmappedReadCode_KeepsOriginalAndWarns()
    {
        var context = MappedJson.Context();

        var json = MappedJson.Of(VisionConditionMapper.Map(Record.Problems.Single(p => p.Id == "P35009"), context)!);

        json["code"]!["coding"]!.AsArray().Should().ContainSingle();
        json["code"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("ZZZZ.");
        json["code"]!["text"]!.GetValue<string>().Should().Be("Something local");
        context.Issues.Should().ContainSingle(i => i.Code == "VISION-UNMAPPED-CODE" && i.Severity == Fhir.Issues.IssueSeverity.Warning && i.Message.Contains("'P35009'", StringComparison.Ordinal));
    }

    [Fact]
    public void MapAllergy_FoodAllergy_MapsCategoryReactionSeverityAndRecorder()
    {
        var json = MappedJson.Of(VisionAllergyIntoleranceMapper.Map(Record.Allergies[0], MappedJson.Context())!);

        json["code"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("256349002");
        json["category"]![0]!.GetValue<string>().Should().Be("food");
        json["type"]!.GetValue<string>().Should().Be("allergy");
        json["reaction"]![0]!["severity"]!.GetValue<string>().Should().Be("severe");
        json["reaction"]![0]!["manifestation"]![0]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("39579001");
        json["onsetDateTime"]!.GetValue<string>().Should().Be("1986");
        json["recordedDate"]!.GetValue<string>().Should().Be("1996-04-01");
        json["recorder"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("555000300011");
        json["note"]![0]!["text"]!.GetValue<string>().Should().Be("Carries adrenaline auto-injectors | 2 devices & action plan");
        json["clinicalStatus"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("active");
    }

    [Fact]
    public void MapAllergy_Resolved_HasResolvedStatusAndEndExtension()
    {
        var json = MappedJson.Of(VisionAllergyIntoleranceMapper.Map(Record.Allergies[1], MappedJson.Context())!);

        json["clinicalStatus"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("resolved");
        json["category"]![0]!.GetValue<string>().Should().Be("medication");
        json["extension"].Should().BeNull("the end extension's context is AllergyIntolerance.clinicalStatus");
        json["clinicalStatus"]!["extension"]![0]!["url"]!.GetValue<string>().Should().Be(UkCoreExtensions.AllergyIntoleranceEnd);
        json["clinicalStatus"]!["extension"]![0]!["extension"]![0]!["valueDateTime"]!.GetValue<string>().Should().Be("2015-01-01");
        json["onsetDateTime"]!.GetValue<string>().Should().Be("2005-03");
    }

    [Fact]
    public void MapAllergy_NoKnownAllergies_IsAnEntryWithoutTypeOrCategory()
    {
        var record = VisionMessages.Record(VisionMessages.Accepted("C1", [VisionMessages.NoKnownAllergies, VisionMessages.NoKnownAllergiesDetails]));

        var json = MappedJson.Of(VisionAllergyIntoleranceMapper.Map(record.Allergies.Single(), MappedJson.Context())!);

        json["code"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be(VisionCodeSystems.NoKnownAllergy);
        json["type"].Should().BeNull();
        json["category"].Should().BeNull();
        json["reaction"].Should().BeNull();
        json["verificationStatus"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("confirmed");
    }

    [Fact]
    public void MapMedicationStatement_Repeat_MapsDoseDatesLastIssueAndMedicationReference()
    {
        var context = MappedJson.Context();

        var statement = VisionMedicationStatementMapper.Map(Record.Medications[0], context)!;
        var json = MappedJson.Of(statement);

        json["status"]!.GetValue<string>().Should().Be("active");
        json["effectivePeriod"]!["start"]!.GetValue<string>().Should().Be("2025-12-01");
        json["dosage"]![0]!["text"]!.GetValue<string>().Should().Be("One tablet once a day");
        json["extension"]![0]!["url"]!.GetValue<string>().Should().Be(UkCoreExtensions.MedicationStatementLastIssueDate);
        json["extension"]![0]!["valueDateTime"]!.GetValue<string>().Should().Be("2026-01-10");
        json["medicationReference"]!["reference"]!.GetValue<string>().Should().Be("Medication/" + context.Id("Medication", VisionMessages.Nhs + "/M35004"));
        json["informationSource"]!["identifier"]!["system"]!.GetValue<string>().Should().Be(UkCoreSystems.SdsUserId);
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void MapMedicationStatement_Stopped_HasReasonAndEnd()
    {
        var json = MappedJson.Of(VisionMedicationStatementMapper.Map(Record.Medications[1], MappedJson.Context())!);

        json["status"]!.GetValue<string>().Should().Be("stopped");
        json["statusReason"]![0]!["text"]!.GetValue<string>().Should().Be("Side effects");
        json["effectivePeriod"]!["end"]!.GetValue<string>().Should().Be("2024-03-01");
    }

    [Fact]
    public void MapMedicationStatement_ImpossibleStartDate_IsLeftOutAndReported()
    {
        var context = MappedJson.Context();

        var statement = VisionMedicationStatementMapper.Map(Record.Medications[2], context);

        statement.Should().BeNull();
        context.Issues.Should().Contain(i => i.Code == "VISION-UNMAPPABLE" && i.Message.Contains("'M35007'", StringComparison.Ordinal));
    }

    [Fact]
    public void MapMedication_InvalidDrugCode_KeepsTheNameAsText()
    {
        var json = MappedJson.Of(VisionMedicationMapper.Map(Record.Medications[2], MappedJson.Context())!);

        json["code"]!["coding"].Should().BeNull();
        json["code"]!["text"]!.GetValue<string>().Should().Be("Mystery tonic");
    }

    [Fact]
    public void MapMedication_DmdDrug_IsDmdCoded()
    {
        var json = MappedJson.Of(VisionMedicationMapper.Map(Record.Medications[0], MappedJson.Context())!);

        json["code"]!["coding"]![0]!["system"]!.GetValue<string>().Should().Be(FhirSystems.Dmd);
        json["code"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("10394411000001109");
        json["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(UkCoreProfiles.Medication);
    }

    [Fact]
    public void MapPractitioner_UsualGp_HasSdsAndGmcIdentifiers()
    {
        var context = MappedJson.Context();

        var json = MappedJson.Of(VisionPractitionerMapper.Map(Record.Patient.UsualGp!, context)!);

        json["id"]!.GetValue<string>().Should().Be(context.Id("Practitioner", VisionMessages.Nhs + "/555000300011"));
        json["identifier"]!.ToJsonString().Should().Be(
            """[{"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"555000300011"},{"system":"https://fhir.hl7.org.uk/Id/gmc-number","value":"4456780"}]""");
        json["name"]![0]!.ToJsonString().Should().Be("""{"use":"official","family":"Lindqvist","given":["Peter"],"prefix":["Dr"]}""");
        json["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(UkCoreProfiles.Practitioner);
    }

    [Fact]
    public void MapOrganization_Practice_HasOdsIdentifierAndName()
    {
        var json = MappedJson.Of(VisionOrganizationMapper.Map(Record.Patient.Practice!, MappedJson.Context())!);

        json["identifier"]![0]!["system"]!.GetValue<string>().Should().Be(UkCoreSystems.OdsOrganizationCode);
        json["identifier"]![0]!["value"]!.GetValue<string>().Should().Be("C83001");
        json["name"]!.GetValue<string>().Should().Be("Oakfield Surgery");
    }
}
