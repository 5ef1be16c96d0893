using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class HttpBehaviourTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string PatientSearch = "/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich;

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/fhir/Patient" },
        { "PUT", "/fhir/Patient/abc" },
        { "DELETE", "/fhir/Condition/abc" },
        { "PATCH", "/fhir/MedicationStatement/abc" },
        { "POST", "/fhir" },
        { "PUT", "/fhir/Patient?identifier=x" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_AnyInteraction_Returns405(string method, string url)
    {
        var response = await factory.CreateClient().FhirSendAsync(new HttpMethod(method), url, "{\"resourceType\":\"Patient\"}");

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Issues()[0]["code"]!.GetValue<string>().Should().Be("not-supported");
    }

    public static TheoryData<string?, string?, HttpStatusCode> Negotiation => new()
    {
        { null, null, HttpStatusCode.OK },
        { "application/fhir+json", null, HttpStatusCode.OK },
        { "application/json", null, HttpStatusCode.OK },
        { "*/*", null, HttpStatusCode.OK },
        { "text/html, application/fhir+json;q=0.5", null, HttpStatusCode.OK },
        { "text/html", null, HttpStatusCode.NotAcceptable },
        { "image/png", null, HttpStatusCode.NotAcceptable },
        { null, "json", HttpStatusCode.OK },
        { null, "application/fhir+json", HttpStatusCode.OK },
        { "text/html", "json", HttpStatusCode.OK },
        { null, "text/turtle", HttpStatusCode.NotAcceptable },
    };

    [Theory]
    [MemberData(nameof(Negotiation))]
    public async Task Get_WithAcceptOrFormat_NegotiatesOrReturns406(string? accept, string? format, HttpStatusCode status)
    {
        var url = format is null ? PatientSearch : PatientSearch + "&_format=" + Uri.EscapeDataString(format);

        var response = await factory.CreateClient().FhirGetAsync(url, accept);

        response.Status.Should().Be(status);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be(status == HttpStatusCode.OK ? "Bundle" : "OperationOutcome");
    }

    [Fact]
    public async Task Get_WithPretty_IndentsJson()
    {
        var client = factory.CreateClient();

        var pretty = await client.GetStringAsync(PatientSearch + "&_pretty=true");
        var compact = await client.GetStringAsync(PatientSearch);

        pretty.Should().Contain("\n  \"type\": \"searchset\"");
        compact.Should().NotContain("\n");
    }

    [Fact]
    public async Task Get_WithRequestId_EchoesIt()
    {
        var response = await factory.CreateClient().FhirGetAsync(PatientSearch, headers: new Dictionary<string, string> { ["X-Request-Id"] = "test-correlation-42" });

        response.Header("X-Request-Id").Should().Be("test-correlation-42");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad id with spaces")]
    public async Task Get_WithoutUsableRequestId_GeneratesOne(string supplied)
    {
        var headers = supplied.Length == 0 ? null : new Dictionary<string, string> { ["X-Request-Id"] = supplied };

        var response = await factory.CreateClient().FhirGetAsync("/fhir/metadata", headers: headers);

        Guid.TryParse(response.Header("X-Request-Id"), out _).Should().BeTrue();
        response.Header("Cache-Control").Should().Be("no-store");
    }

    [Fact]
    public async Task Get_UnknownPath_Returns404OperationOutcome()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient/abc/_history/1");

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Header("Cache-Control").Should().Be("no-store");
    }

    [Fact]
    public async Task Metadata_Always_DescribesWhatIsRegistered()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/metadata");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ResourceType.Should().Be("CapabilityStatement");
        response.Body!["fhirVersion"]!.GetValue<string>().Should().Be("4.0.1");
        var resources = response.Body!["rest"]![0]!["resource"]!.AsArray();
        resources.Select(r => r!["type"]!.GetValue<string>()).Should().BeEquivalentTo(
            "AllergyIntolerance", "Condition", "Medication", "MedicationStatement", "Organization", "Patient", "Practitioner", "AuditEvent");
        var patient = resources.Single(r => r!["type"]!.GetValue<string>() == "Patient")!;
        patient["supportedProfile"]![0]!.GetValue<string>().Should().Be("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
        patient["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).Should().BeEquivalentTo("read", "search-type");
        patient["searchParam"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().BeEquivalentTo("_id", "identifier", "family", "given", "birthdate", "gender");
        patient["searchParam"]!.AsArray().Should().OnlyContain(p => p!["definition"]!.GetValue<string>().StartsWith("http://hl7.org/fhir/SearchParameter/", StringComparison.Ordinal));
        var medication = resources.Single(r => r!["type"]!.GetValue<string>() == "Medication")!;
        medication["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).Should().Equal("read");
        resources.Single(r => r!["type"]!.GetValue<string>() == "MedicationStatement")!["searchInclude"]![0]!.GetValue<string>().Should().Be("MedicationStatement:medication");
    }

    [Fact]
    public async Task Metadata_InTerseMode_ReturnsSummaryTagged()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/metadata?mode=terse");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body!["meta"]!["tag"]![0]!["code"]!.GetValue<string>().Should().Be("SUBSETTED");
        response.Body!["fhirVersion"]!.GetValue<string>().Should().Be("4.0.1");
        response.Body!["description"].Should().BeNull();
    }
}
