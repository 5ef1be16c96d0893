using System.Net;
using System.Text.Json;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// A patient-context token (SMART launch) for Alice tries to reach Leonard by every route — read,
/// search by reference, chained search by NHS number, a paging link, a tampered paging link and
/// <c>_include</c> — and learns nothing (docs/adr/0005-out-of-context-patient-access.md).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CrossPatientTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Alice = "9990000018";
    private const string Leonard = "9990000123";
    private const string Dissenting = "9990000069";
    private const string Sensitive = "9990000077";
    private const string Unknown = "9000000009";
    private static readonly string AliceId = TestResourceIds.Encode("Patient", "emis", "A81001", Alice);
    private static readonly string LeonardId = TestResourceIds.Encode("Patient", "emis", "A81001", Leonard);

    [Fact]
    public async Task Read_OwnPatient_IsAllowed()
    {
        var (status, body) = await GetAsAliceAsync($"/fhir/Patient/{AliceId}");

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Contain(Alice);
    }

    [Fact]
    public async Task Read_OtherPatient_Is404WithNoData()
    {
        var (status, body) = await GetAsAliceAsync($"/fhir/Patient/{LeonardId}");

        status.Should().Be(HttpStatusCode.NotFound);
        body.Should().Contain("OperationOutcome").And.NotContain(Leonard);
    }

    [Fact]
    public async Task Read_OtherPatientsMedicationStatement_Is404WithNoData()
    {
        var leonardsStatement = await FirstIdAsync($"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Leonard}");

        var (status, body) = await GetAsAliceAsync($"/fhir/MedicationStatement/{leonardsStatement}");

        // The 404 may repeat the id the client sent, but nothing of the record behind it.
        status.Should().Be(HttpStatusCode.NotFound);
        body.Should().Contain("NO_RECORD_FOUND").And.NotContain(Leonard).And.NotContain("medicationCodeableConcept").And.NotContain("dosage");
    }

    public static TheoryData<string, string, string, string, string> OtherPatientsReads() => new()
    {
        // what, resource type, supplier, organisation, native id: every kind of patient that is not Alice
        { "a patient with an ordinary record", "Patient", "emis", "A81001", Leonard },
        { "a dissenting patient", "Patient", "emis", "A81001", Dissenting },
        { "a sensitive patient", "Patient", "tpp", "B82005", Sensitive },
        { "a patient no system holds", "Patient", "emis", "A81001", Unknown },
        { "a problem of a dissenting patient", "Condition", "emis", "A81001", Dissenting + "/3f2504e0-4f89-41d3-9a0c-0305e82c3301" },
        { "a problem of a sensitive patient", "Condition", "tpp", "B82005", Sensitive + "/41000" },
        { "a problem of an ordinary patient", "Condition", "emis", "A81001", Leonard + "/3f2504e0-4f89-41d3-9a0c-0305e82c3301" },
        { "a practitioner read through a sensitive patient's record", "Practitioner", "tpp", "B82005", Sensitive + "/200051" },
    };

    [Theory]
    [MemberData(nameof(OtherPatientsReads))]
    public async Task Read_AnyOtherPatientsRecord_GetsExactlyTheAnswerOfAnIdThatWasNeverIssued(string what, string resourceType, string supplier, string organisation, string nativeId)
    {
        var id = TestResourceIds.Encode(resourceType, supplier, organisation, nativeId);
        var neverIssued = string.Concat(id.AsSpan(0, id.Length - 1), id[^1] == 'A' ? "B" : "A");

        var (status, body) = await GetAsAliceAsync($"/fhir/{resourceType}/{id}");
        var (unknownStatus, unknownBody) = await GetAsAliceAsync($"/fhir/{resourceType}/{neverIssued}");

        unknownStatus.Should().Be(HttpStatusCode.NotFound);
        status.Should().Be(unknownStatus, what);
        body.Replace(id, "{id}", StringComparison.Ordinal).Should().Be(unknownBody.Replace(neverIssued, "{id}", StringComparison.Ordinal), $"{what}: no 403-vs-404 oracle");
        body.Should().NotContain("NO_PATIENT_CONSENT").And.NotContain("Mellor").And.NotContain("Pike");
    }

    [Fact]
    public async Task Search_NamingAPatientIdTheFacadeNeverIssued_Is403LikeAnyOtherPatient()
    {
        var neverIssued = string.Concat(LeonardId.AsSpan(0, LeonardId.Length - 1), LeonardId[^1] == 'A' ? "B" : "A");

        var (status, body) = await GetAsAliceAsync($"/fhir/Condition?patient=Patient/{neverIssued}");
        var (otherStatus, _) = await GetAsAliceAsync($"/fhir/Condition?patient=Patient/{LeonardId}");

        status.Should().Be(HttpStatusCode.Forbidden);
        otherStatus.Should().Be(HttpStatusCode.Forbidden);
        body.Should().Contain("ACCESS_DENIED").And.NotContain("\"entry\"");
    }

    [Theory]
    [InlineData("/fhir/MedicationStatement?patient=Patient/{leonard}")]
    [InlineData("/fhir/Condition?patient={leonard}")]
    [InlineData("/fhir/AllergyIntolerance?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000123")]
    [InlineData("/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000123&_include=MedicationStatement:medication")]
    public async Task Search_NamingOtherPatient_Is403WithNoData(string path)
    {
        var (status, body) = await GetAsAliceAsync(path.Replace("{leonard}", LeonardId, StringComparison.Ordinal));

        status.Should().Be(HttpStatusCode.Forbidden);
        body.Should().Contain("ACCESS_DENIED").And.NotContain("\"entry\"");
    }

    [Fact]
    public async Task Search_PatientByOtherNhsNumber_Is403WithNoData()
    {
        var (status, body) = await GetAsAliceAsync($"/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{Leonard}");

        status.Should().Be(HttpStatusCode.Forbidden);
        body.Should().Contain("ACCESS_DENIED").And.NotContain("\"entry\"").And.NotContain("Ashby");
    }

    [Fact]
    public async Task Search_OwnRecordWithInclude_ReleasesOnlyOwnResources()
    {
        var (status, body) = await GetAsAliceAsync($"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Alice}&_include=MedicationStatement:medication");

        status.Should().Be(HttpStatusCode.OK);
        using var bundle = JsonDocument.Parse(body);
        var resources = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        resources.Should().Contain(r => r.GetProperty("resourceType").GetString() == "MedicationStatement");
        resources.Where(r => r.GetProperty("resourceType").GetString() == "MedicationStatement")
            .Should().OnlyContain(r => r.GetProperty("subject").GetProperty("reference").GetString() == "Patient/" + AliceId);
    }

    [Fact]
    public async Task PagingLink_IssuedForOtherPatient_Is403()
    {
        var next = await NextLinkAsync($"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Leonard}&_count=1");

        var (status, body) = await GetAsAliceAsync(next);

        status.Should().Be(HttpStatusCode.Forbidden);
        body.Should().NotContain("\"entry\"");
    }

    [Fact]
    public async Task PagingLink_Tampered_Is400()
    {
        var next = await NextLinkAsync($"/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{Alice}&_count=1");
        var index = next.IndexOf("_page=", StringComparison.Ordinal) + 10;
        var tampered = string.Concat(next.AsSpan(0, index), next[index] == 'A' ? "B" : "A", next.AsSpan(index + 1));

        var (status, body) = await GetAsAliceAsync(tampered);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("OperationOutcome").And.NotContain("\"entry\"");
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsAliceAsync(string pathAndQuery)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        SecurityTokens.Authorize(request, new SecurityTokens(factory.Services).ForPatient(AliceId));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> GetAsClinicianAsync(string pathAndQuery)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        SecurityTokens.Authorize(request, new SecurityTokens(factory.Services).User());
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> FirstIdAsync(string search)
    {
        using var bundle = await GetAsClinicianAsync(search);
        return bundle.RootElement.GetProperty("entry").EnumerateArray()
            .First(e => e.GetProperty("search").GetProperty("mode").GetString() == "match")
            .GetProperty("resource").GetProperty("id").GetString()!;
    }

    private async Task<string> NextLinkAsync(string search)
    {
        using var bundle = await GetAsClinicianAsync(search);
        var url = bundle.RootElement.GetProperty("link").EnumerateArray().First(l => l.GetProperty("relation").GetString() == "next").GetProperty("url").GetString()!;
        return new Uri(url).PathAndQuery;
    }
}
