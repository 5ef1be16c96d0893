using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class ClinicalSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Rich = "patient.identifier=" + FhirHttp.Nhs + EmisRich;

    public static TheoryData<string, int> Criteria => new()
    {
        { "MedicationStatement?" + Rich, 4 },
        { "MedicationStatement?" + Rich + "&status=active", 2 },
        { "MedicationStatement?" + Rich + "&status=stopped,completed", 2 },
        { "MedicationStatement?" + Rich + "&status=entered-in-error", 0 },
        { "MedicationStatement?" + Rich + "&effective=2024", 1 },
        { "MedicationStatement?" + Rich + "&effective=ge2025-01-01", 2 },
        { "MedicationStatement?" + Rich + "&effective=lt2024", 1 },
        { "MedicationStatement?" + Rich + "&effective=sa2024-12-31", 2 },
        { "MedicationStatement?" + Rich + "&effective=eb2024-01-01", 1 },
        { "MedicationStatement?" + Rich + "&effective=gt2026-06&status=active", 2 },
        { "MedicationStatement?" + Rich + "&effective=ge2023&effective=le2023-12-31", 1 },
        { "Condition?" + Rich, 5 },
        { "Condition?" + Rich + "&clinical-status=active", 3 },
        { "Condition?" + Rich + "&clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|resolved", 1 },
        { "Condition?" + Rich + "&clinical-status=inactive,resolved", 2 },
        { "Condition?" + Rich + "&category=problem-list-item", 5 },
        { "Condition?" + Rich + "&category=encounter-diagnosis", 0 },
        { "Condition?" + Rich + "&code=http://snomed.info/sct|59621000", 1 },
        { "Condition?" + Rich + "&code=https://fhirfacade.example.org/CodeSystem/emis-local|EMISSIM-DM201", 1 },
        { "Condition?" + Rich + "&code=396275006", 1 },
        { "Condition?" + Rich + "&onset-date=2011-03", 1 },
        { "Condition?" + Rich + "&onset-date=lt2000", 1 },
        { "Condition?" + Rich + "&onset-date=ge2019", 2 },
        { "Condition?" + Rich + "&onset-date=ap2023-01-20", 1 },
        { "AllergyIntolerance?" + Rich, 1 },
        { "AllergyIntolerance?" + Rich + "&clinical-status=active", 1 },
        { "AllergyIntolerance?" + Rich + "&verification-status=confirmed", 1 },
        { "AllergyIntolerance?" + Rich + "&verification-status=refuted", 0 },
        { "AllergyIntolerance?" + Rich + "&date=1996-04-01", 1 },
        { "AllergyIntolerance?" + Rich + "&date=gt2000", 0 },
        { "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + ResolvedHistory + "&clinical-status=resolved", 2 },
        { "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + ResolvedHistory + "&clinical-status=active", 1 },
    };

    [Theory]
    [MemberData(nameof(Criteria))]
    public async Task Search_WithCriteria_ReturnsMatchingUkCoreResources(string query, int expected)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/" + query);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.Total.Should().Be(expected);
        var type = query[..query.IndexOf('?', StringComparison.Ordinal)];
        response.Entries().Where(r => r["resourceType"]!.GetValue<string>() == type
            && r["meta"]!["profile"]![0]!.GetValue<string>() == "https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + type).Should().HaveCount(expected);
        response.Entries().Should().HaveCount(expected);
    }

    [Fact]
    public async Task Search_ByPatientReference_MatchesChainedSearch()
    {
        var client = factory.CreateClient();
        var patientId = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich)).Entries()[0]["id"]!.GetValue<string>();

        var byReference = await client.FhirGetAsync("/fhir/Condition?patient=Patient/" + patientId);
        var byChain = await client.FhirGetAsync("/fhir/Condition?" + Rich);

        byReference.Status.Should().Be(HttpStatusCode.OK);
        byReference.Entries().Select(e => e["id"]!.GetValue<string>()).Should().Equal(byChain.Entries().Select(e => e["id"]!.GetValue<string>()));
        byReference.Entries().Should().OnlyContain(e => e["subject"]!["reference"]!.GetValue<string>() == "Patient/" + patientId);
    }

    [Fact]
    public async Task Search_WithIncludeMedication_AddsReferencedMedicationsAsIncludes()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/MedicationStatement?" + Rich + "&status=active&_include=MedicationStatement:medication");

        response.Status.Should().Be(HttpStatusCode.OK);
        var matches = response.Entries();
        var includes = response.Entries("include");
        includes.Should().HaveCount(2).And.OnlyContain(m => m["resourceType"]!.GetValue<string>() == "Medication" && m["code"]!["coding"]![0]!["system"]!.GetValue<string>() == "https://dmd.nhs.uk");
        matches.Select(m => m["medicationReference"]!["reference"]!.GetValue<string>())
            .Should().BeEquivalentTo(includes.Select(i => "Medication/" + i["id"]!.GetValue<string>()));
        response.Total.Should().Be(2);
    }

    [Fact]
    public async Task Search_MedicationStatement_CarriesDosageStatusPeriodAndLastIssueDate()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/MedicationStatement?" + Rich + "&status=stopped");

        var statement = response.Entries().Should().ContainSingle().Subject;
        statement["statusReason"]![0]!["text"]!.GetValue<string>().Should().Be("Side effects: low sodium");
        statement["effectivePeriod"]!["end"]!.GetValue<string>().Should().Be("2024-06-24");
        statement["dosage"]![0]!["text"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        statement["extension"]![0]!["url"]!.GetValue<string>().Should().Be("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate");
    }

    [Fact]
    public async Task Search_WhenPracticeMarkedItemsConfidential_WithholdsThemWithWarning()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + ConfidentialItems);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.SpineCodes().Should().Contain("confidential-items");
        response.Entries().Should().NotContain(c => c["code"]!["text"]!.GetValue<string>().Contains("hlamydia", StringComparison.Ordinal));
    }

    public static TheoryData<string, HttpStatusCode, string> Errors => new()
    {
        { "/fhir/MedicationStatement?status=active", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "/fhir/Condition", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "/fhir/AllergyIntolerance?patient.identifier=" + EmisRich, HttpStatusCode.BadRequest, "INVALID_IDENTIFIER_SYSTEM" },
        { "/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + "9990000010", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER" },
        { "/fhir/Condition?" + Rich + "&onset-date=2011-13", HttpStatusCode.BadRequest, "INVALID_PARAMETER" },
        { "/fhir/Condition?" + Rich + "&_include=MedicationStatement:medication", HttpStatusCode.UnprocessableEntity, "INVALID_PARAMETER" },
        { "/fhir/Condition?" + Rich + "&code:text=asthma", HttpStatusCode.UnprocessableEntity, "INVALID_PARAMETER" },
        { "/fhir/Medication?code=123", HttpStatusCode.MethodNotAllowed, "NOT_IMPLEMENTED" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Search_WhenInvalid_ReturnsOperationOutcomeWithSpineCode(string url, HttpStatusCode status, string spineCode)
    {
        var response = await factory.CreateClient().FhirGetAsync(url);

        response.Status.Should().Be(status);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().Contain(spineCode);
    }
}
