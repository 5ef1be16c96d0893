using System.Net;
using System.Text.Json;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The patient-level sharing rules over the real simulators (docs/domain.md, "Safety rules taken from GP Connect"):
/// a dissenting patient's record never leaves (403 NO_PATIENT_CONSENT, by every route), a sensitive
/// patient is answered exactly as an unknown one (404 PATIENT_NOT_FOUND, TPP simulator), and
/// confidential items are withheld with a <c>confidential-items</c> warning.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConsentTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Dissenting = "9990000069";
    private const string WithConfidentialItems = "9990000085";
    private const string Sensitive = "9990000077";

    public static TheoryData<string> DissentRoutes() => new()
    {
        $"/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{Dissenting}",
        $"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Dissenting}&_include=MedicationStatement:medication",
        $"/fhir/AllergyIntolerance?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Dissenting}",
        $"/fhir/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Dissenting}",
        $"/fhir/Patient/{TestResourceIds.Encode("Patient", "emis", "A81001", Dissenting)}",
    };

    [Theory]
    [MemberData(nameof(DissentRoutes))]
    public async Task Request_ForDissentingPatient_Is403NoPatientConsentWithNoData(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        var issue = body.RootElement.GetProperty("issue")[0];
        issue.GetProperty("code").GetString().Should().Be("forbidden");
        issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString().Should().Be("NO_PATIENT_CONSENT");
        body.RootElement.GetRawText().Should().NotContain("Mellor");
    }

    public static TheoryData<string> SensitiveRoutes() => new()
    {
        $"/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{Sensitive}",
        $"/fhir/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Sensitive}",
        $"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Sensitive}",
        $"/fhir/Patient/{TestResourceIds.Encode("Patient", "tpp", "B82005", Sensitive)}",
    };

    [Theory]
    [MemberData(nameof(SensitiveRoutes))]
    public async Task Request_ForSensitivePatient_Is404PatientNotFoundLikeAnUnknownPatient(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("issue")[0].GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString().Should().Be("PATIENT_NOT_FOUND");
        text.Should().NotContain("Pike").And.NotContain("sensitive");
    }

    [Fact]
    public async Task ConditionSearch_WithConfidentialProblem_WithholdsItAndWarns()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/fhir/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{WithConfidentialItems}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        using var bundle = JsonDocument.Parse(text);
        var entries = bundle.RootElement.GetProperty("entry").EnumerateArray().ToList();
        entries.Should().Contain(e => e.GetProperty("search").GetProperty("mode").GetString() == "outcome"
            && e.GetProperty("resource").GetRawText().Contains("confidential-items", StringComparison.Ordinal));
        text.Should().NotContainEquivalentOf("chlamydia");
    }

    [Fact]
    public async Task MedicationSearch_WithConfidentialMedicine_WithholdsItAndWarns()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{WithConfidentialItems}&_include=MedicationStatement:medication");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("confidential-items");
        text.Should().NotContainEquivalentOf("doxycycline");
    }
}
