using System.Text.Json.Nodes;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class TppPatientMapperTests
{
    private const string Record = """
        {"unit":{"odsCode":"B82005","name":"Moorland Health Centre","unitType":"GP","thirdPartySharing":true,"sharedAreas":["demographics"]},
         "sharingStatus":"Shared","withheldAreas":[],"recordVersion":12,"lastUpdated":"2026-08-24T09:30:00Z",
         "patient":{"rowId":7000000026,"nhsNumber":"9990000026","dissent":false,"sensitive":false,"title":"Mr","forenames":"Benjamin","middleNames":"James",
          "surname":"Hartley","previousSurnames":["Hart"],"gender":"M","dateOfBirth":"1979-04-12","dateOfDeath":null,
          "address":{"street":"4 Moor Road","locality":null,"town":"Harrogate","county":"North Yorkshire","postcode":"HG1 1AA"},
          "telephone":"01423 555000","mobile":null,"email":"ben@example.org",
          "registration":{"type":"GMS","startDate":"1996-04-01","usualGp":{"staffRowId":200051,"sdsUserId":"100000000051","gmcNumber":"7000051","title":"Dr","forenames":"Ruth","surname":"Ashworth","role":"GP"}}}}
        """;

    [Fact]
    public void Map_Demographics_ProducesExpectedUkCorePatient()
    {
        var context = MappingFixture.Context();

        var patient = TppPatientMapper.Map(MappingFixture.Native<TppRecord>(Record), context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"Patient","id":"$id(9990000026)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "identifier":[{"extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus",
               "valueCodeableConcept":{"coding":[{"system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland","code":"01","display":"Number present and verified"}]}}],
               "system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000026"}],
             "name":[{"use":"usual","family":"Hartley","given":["Benjamin","James"],"prefix":["Mr"]},{"use":"old","family":"Hart"}],
             "telecom":[{"system":"phone","value":"01423 555000","use":"home"},{"system":"email","value":"ben@example.org","use":"home"}],
             "gender":"male","birthDate":"1979-04-12",
             "address":[{"use":"home","line":["4 Moor Road"],"city":"Harrogate","district":"North Yorkshire","postalCode":"HG1 1AA"}],
             "generalPractitioner":[{"reference":"Organization/$id(B82005)","display":"Moorland Health Centre"},{"reference":"Practitioner/$id(9990000026/200051)"}]}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(patient!), expected).Should().BeTrue("got {0}", MappingFixture.Json(patient!).ToJsonString());
    }

    [Fact]
    public void MapPractitioner_UsualGp_ProducesExpectedPractitioner()
    {
        var context = MappingFixture.Context();
        var gp = MappingFixture.Native<TppRecord>(Record).Patient!.Registration!.UsualGp!;

        var practitioner = TppPractitionerMapper.Map(gp, context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"Practitioner","id":"$id(9990000026/200051)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "identifier":[{"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"100000000051"},{"system":"https://fhir.hl7.org.uk/Id/gmc-number","value":"7000051"}],
             "name":[{"use":"official","family":"Ashworth","given":["Ruth"],"prefix":["Dr"]}]}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(practitioner!), expected).Should().BeTrue("got {0}", MappingFixture.Json(practitioner!).ToJsonString());
    }

    [Fact]
    public void MapOrganization_Unit_ProducesExpectedOrganization()
    {
        var context = MappingFixture.Context();
        var unit = MappingFixture.Native<TppRecord>(Record).Unit!;

        var organization = TppOrganizationMapper.Map(unit, context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"Organization","id":"$id(B82005)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"B82005"}],"active":true,"name":"Moorland Health Centre"}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(organization!), expected).Should().BeTrue("got {0}", MappingFixture.Json(organization!).ToJsonString());
    }

    [Fact]
    public void Map_ImpossibleDateOfBirth_LeavesItOutAndReports()
    {
        var context = MappingFixture.Context();
        var record = MappingFixture.Native<TppRecord>("""{"patient":{"nhsNumber":"9990000026","gender":"F","dateOfBirth":"1980-13-01"}}""");

        var patient = TppPatientMapper.Map(record, context);

        patient!.BirthDate.Should().BeNull();
        patient.Gender.Should().Be("female");
        context.Issues.Should().ContainSingle(i => i.Code == "TPP-DEGRADED");
    }

    [Fact]
    public void Map_NoNhsNumber_ReturnsNullAndReports()
    {
        var context = MappingFixture.Context();

        Patient? patient = TppPatientMapper.Map(MappingFixture.Native<TppRecord>("""{"patient":{"rowId":1}}"""), context);

        patient.Should().BeNull();
        context.Issues.Should().ContainSingle(i => i.Code == "TPP-UNMAPPABLE");
    }
}
