using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// <c>Patient/{id}/{type}</c> (GET, HEAD, GET and POST <c>_search</c>) answers exactly as <c>{type}?patient=Patient/{id}</c>
/// with the caller's other parameters: same matches, same paging, same confinement of a patient-context token; it names
/// the patient only once, and types outside the Patient compartment have none (docs/api.md).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CompartmentSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    public static TheoryData<string, string> TypesAndForms()
    {
        var rows = new TheoryData<string, string>();
        foreach (var type in new[] { "AllergyIntolerance", "Condition", "MedicationStatement" })
        {
            foreach (var form in new[] { "GET", "GET _search", "POST _search" })
            {
                rows.Add(type, form);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(TypesAndForms))]
    public async Task Compartment_EachClinicalTypeAndForm_AnswersAsTheTypeSearchWithThePatient(string type, string form)
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);
        var expected = await client.FhirGetAsync($"/fhir/{type}?patient=Patient/{patientId}");

        var response = form switch
        {
            "GET" => await client.FhirGetAsync($"/fhir/Patient/{patientId}/{type}"),
            "GET _search" => await client.FhirGetAsync($"/fhir/Patient/{patientId}/{type}/_search"),
            _ => await client.PostFormAsync($"/fhir/Patient/{patientId}/{type}/_search", []),
        };

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body!["type"]!.GetValue<string>().Should().Be("searchset");
        expected.Entries().Should().NotBeEmpty();
        Ids(response).Should().Equal(Ids(expected));
        response.Total.Should().Be(expected.Total);
        response.Entries().Should().OnlyContain(e => e["resourceType"]!.GetValue<string>() == type);
    }

    [Theory]
    [InlineData("Condition?clinical-status=active", 3)]
    [InlineData("MedicationStatement?status=stopped,completed", 2)]
    [InlineData("AllergyIntolerance?verification-status=refuted", 0)]
    public async Task Compartment_WithTheCallersCriteria_AppliesThem(string typeAndQuery, int expected)
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);

        var response = await client.FhirGetAsync($"/fhir/Patient/{patientId}/{typeAndQuery}");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(expected);
    }

    [Fact]
    public async Task Compartment_OfPatient_IsThePatientItself()
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);

        var response = await client.FhirGetAsync($"/fhir/Patient/{patientId}/Patient");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().ContainSingle().Which["id"]!.GetValue<string>().Should().Be(patientId);
    }

    [Theory]
    [InlineData("Medication", "HTTP404-COMPARTMENT")]
    [InlineData("Organization", "HTTP404-COMPARTMENT")]
    [InlineData("Observation", "HTTP404-TYPE")]
    public async Task Compartment_OfATypeOutsideIt_Is404OperationOutcome(string type, string code)
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);

        var response = await client.FhirGetAsync($"/fhir/Patient/{patientId}/{type}");

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Issues().Select(i => i["diagnostics"]?.GetValue<string>()).Should().Contain(code);
    }

    [Theory]
    [InlineData("Condition?patient=Patient/{id}")]
    [InlineData("Condition?patient:Patient=Patient/{id}")]
    [InlineData("MedicationStatement?patient.identifier=" + FhirHttp.Nhs + EmisRich)]
    [InlineData("Patient?identifier=" + FhirHttp.Nhs + EmisRich)]
    [InlineData("Condition?_page=anything")]
    public async Task Compartment_NamingThePatientAgainOrPaged_Is400(string typeAndQuery)
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);

        var response = await client.FhirGetAsync($"/fhir/Patient/{patientId}/" + typeAndQuery.Replace("{id}", patientId, StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ResourceType.Should().Be("OperationOutcome");
    }

    [Fact]
    public async Task Compartment_Paged_FollowingNextGivesEveryMatchOnce()
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);
        var all = await client.FhirGetAsync($"/fhir/Patient/{patientId}/Condition");

        var seen = new List<string>();
        var page = await client.FhirGetAsync($"/fhir/Patient/{patientId}/Condition?_count=2");
        var pages = 1;
        while (true)
        {
            page.Status.Should().Be(HttpStatusCode.OK);
            page.Entries().Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(Ids(page));
            if (page.Link("next") is not { } next)
            {
                break;
            }

            page = await client.FhirGetAsync(new Uri(next).PathAndQuery);
            pages++;
        }

        all.Total.Should().Be(5);
        pages.Should().Be(3);
        seen.Should().Equal(Ids(all));
    }

    [Fact]
    public async Task Compartment_OfAPatientIdNeverIssued_IsAnEmptySearchset()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient/not-an-id-it-issued/Condition");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body!["type"]!.GetValue<string>().Should().Be("searchset");
        response.Total.Should().Be(0);
    }

    [Fact]
    public async Task Compartment_IsAuditedAsACompartmentSearchNamingTheTypeAndPatient()
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);

        var get = await RestCall.SendAsync(client, factory.Services, "GET", $"/fhir/Patient/{patientId}/Condition");
        var head = await RestCall.SendAsync(client, factory.Services, "HEAD", $"/fhir/Patient/{patientId}/Condition");
        var byType = await RestCall.SendAsync(client, factory.Services, "GET", $"/fhir/Condition?patient=Patient/{patientId}");
        using var anonymous = factory.CreateAnonymousClient();
        var refused = await RestCall.SendAsync(anonymous, factory.Services, "GET", $"/fhir/Patient/{patientId}/Condition");

        get.Status.Should().Be(HttpStatusCode.OK);
        var record = get.Audit.Should().ContainSingle().Which;
        record.Interaction.Should().Be(AuditInteractions.SearchCompartment);
        record.ResourceTypes.Should().Equal("Condition");
        record.PatientNhsNumber.Should().Be(EmisRich);
        record.ResourceCount.Should().Be(5);
        record.Sources.Should().NotBeEmpty();
        head.Body.Should().BeEmpty();
        head.Audit.Should().ContainSingle().Which.Interaction.Should().Be(AuditInteractions.SearchCompartment);
        byType.Audit.Should().ContainSingle().Which.PatientNhsNumber.Should().Be(EmisRich, "the type search by reference names the patient the same way");
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        refused.Audit.Should().ContainSingle().Which.Interaction.Should().Be(AuditInteractions.SearchCompartment);
    }

    [Fact]
    public async Task Compartment_WithoutTheTypesSearchScope_Is403()
    {
        var client = factory.CreateClient();
        var patientId = await PatientIdAsync(client, EmisRich);
        var token = new SecurityTokens(factory.Services).User("user/Condition.rs user/Patient.rs");
        using var tokenClient = factory.CreateAnonymousClient();

        var allowed = await tokenClient.FhirGetAsync($"/fhir/Patient/{patientId}/Condition", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
        var refused = await tokenClient.FhirGetAsync($"/fhir/Patient/{patientId}/MedicationStatement", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        allowed.Status.Should().Be(HttpStatusCode.OK);
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Message.Headers.WwwAuthenticate.ToString().Should().Contain("insufficient_scope");
    }

    [Fact]
    public async Task Compartment_OfAnotherPatientUnderAPatientToken_IsRefusedAsTheTypeSearchIs()
    {
        var client = factory.CreateClient();
        var ownId = await PatientIdAsync(client, EmisRich);
        var otherId = await PatientIdAsync(client, ResolvedHistory);
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + new SecurityTokens(factory.Services).ForPatient(ownId) };
        using var patientClient = factory.CreateAnonymousClient();

        var own = await patientClient.FhirGetAsync($"/fhir/Patient/{ownId}/Condition", headers: headers);
        var other = await patientClient.FhirGetAsync($"/fhir/Patient/{otherId}/Condition", headers: headers);
        var otherByType = await patientClient.FhirGetAsync($"/fhir/Condition?patient=Patient/{otherId}", headers: headers);
        var neverIssued = await patientClient.FhirGetAsync("/fhir/Patient/not-an-id-it-issued/Condition", headers: headers);

        own.Status.Should().Be(HttpStatusCode.OK);
        own.Total.Should().Be(5);
        other.Status.Should().Be(otherByType.Status).And.Be(HttpStatusCode.Forbidden);
        other.Body!.ToJsonString().Should().Be(otherByType.Body!.ToJsonString());
        neverIssued.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    private static List<string> Ids(FhirResponse response) => [.. response.Entries().Select(e => e["id"]!.GetValue<string>())];

    private static async Task<string> PatientIdAsync(HttpClient client, string nhsNumber)
    {
        var search = await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhsNumber);
        return search.Entries().Single()["id"]!.GetValue<string>();
    }
}
