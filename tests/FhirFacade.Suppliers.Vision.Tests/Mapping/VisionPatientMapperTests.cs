using FhirFacade.Fhir.Conformance;
using FhirFacade.Suppliers.Vision.Mapping;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Vision.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class VisionPatientMapperTests
{
    [Fact]
    public void Map_RegisteredPatient_MapsEveryDemographic()
    {
        var context = MappedJson.Context();
        var native = VisionMessages.Record(VisionMessages.Accepted("C1", [])).Patient;

        var json = MappedJson.Of(VisionPatientMapper.Map(native, context)!);

        json["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(UkCoreProfiles.Patient);
        json["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:vision:C83001");
        var nhs = json["identifier"]![0]!;
        nhs["system"]!.GetValue<string>().Should().Be(UkCoreSystems.NhsNumber);
        nhs["value"]!.GetValue<string>().Should().Be(VisionMessages.Nhs);
        nhs["extension"]![0]!["url"]!.GetValue<string>().Should().Be(UkCoreExtensions.NhsNumberVerificationStatus);
        nhs["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("01");
        json["name"]![0]!.ToJsonString().Should().Be("""{"use":"usual","family":"Ellwood","given":["Catherine","Jane"],"prefix":["Ms"]}""");
        json["name"]![1]!["use"]!.GetValue<string>().Should().Be("old");
        json["name"]![1]!["family"]!.GetValue<string>().Should().Be("Smith");
        json["gender"]!.GetValue<string>().Should().Be("female");
        json["birthDate"]!.GetValue<string>().Should().Be("1981-01-23");
        json["address"]![0]!.ToJsonString().Should().Be("""{"use":"home","line":["22 Minster Yard","Upper Town"],"city":"Lincoln","district":"Lincolnshire","postalCode":"LN2 1PX"}""");
        json["telecom"]!.ToJsonString().Should().Be("""[{"system":"phone","value":"01522 000111","use":"home"},{"system":"phone","value":"07700 900333","use":"mobile"},{"system":"email","value":"c.ellwood@example.com","use":"home"}]""");
        json["deceasedDateTime"].Should().BeNull();
        json["deceasedBoolean"].Should().BeNull();
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void Map_RegisteredPatient_ReferencesPracticeAndUsualGp()
    {
        var context = MappedJson.Context();
        var native = VisionMessages.Record(VisionMessages.Accepted("C1", [])).Patient;

        var patient = VisionPatientMapper.Map(native, context)!;

        patient.GeneralPractitioner.Select(r => r.ReferenceValue).Should().Equal(
            "Organization/" + context.Id("Organization", "C83001"),
            "Practitioner/" + context.Id("Practitioner", VisionMessages.Nhs + "/555000300011"));
        patient.GeneralPractitioner.Select(r => r.Display).Should().Equal("Oakfield Surgery", "Dr Peter Lindqvist");
    }

    [Fact]
    public void Map_TemporaryResident_HasOnlyTheUsualGpAsGeneralPractitioner()
    {
        var native = VisionMessages.Record(VisionMessages.Accepted("C1", [], zsh: "ZSH|N|N|TemporaryResident|20260101")).Patient;

        var patient = VisionPatientMapper.Map(native, MappedJson.Context())!;

        patient.GeneralPractitioner.Should().ContainSingle().Which.ReferenceValue.Should().StartWith("Practitioner/");
    }

    [Fact]
    public void Map_Deceased_HasDeceasedDateTime()
    {
        var pid = VisionMessages.Pid[..^2] + "20250314|Y";
        var native = VisionMessages.Record(VisionMessages.Accepted("C1", [], pid: pid)).Patient;

        var json = MappedJson.Of(VisionPatientMapper.Map(native, MappedJson.Context())!);

        json["deceasedDateTime"]!.GetValue<string>().Should().Be("2025-03-14");
    }

    [Fact]
    public void Map_ImpossibleBirthDate_LeavesItOutAndSaysSo()
    {
        var pid = VisionMessages.Pid.Replace("19810123", "19810230", StringComparison.Ordinal);
        var native = VisionMessages.Record(VisionMessages.Accepted("C1", [], pid: pid)).Patient;
        var context = MappedJson.Context();

        var patient = VisionPatientMapper.Map(native, context)!;

        patient.BirthDate.Should().BeNull();
        context.Issues.Should().ContainSingle(i => i.Code == "VISION-DEGRADED" && i.Message.Contains("date of birth", StringComparison.Ordinal));
        context.Issues[0].Message.Should().NotContain("19810230");
    }
}
