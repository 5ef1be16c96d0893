using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class PatientSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string ByNhs = "/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich;

    public static TheoryData<string, int> DemographicCriteria => new()
    {
        { "family=Thorn", 1 },
        { "family=thorn", 1 },
        { "family=Cooper", 1 },
        { "family=orn", 0 },
        { "family:exact=Thornton", 1 },
        { "family:exact=thornton", 0 },
        { "family:contains=hornt", 1 },
        { "given=May", 1 },
        { "given:exact=Alice", 1 },
        { "given=Bob", 0 },
        { "gender=female", 1 },
        { "gender=male", 0 },
        { "gender=http://hl7.org/fhir/administrative-gender|female", 1 },
        { "birthdate=1958-04-12", 1 },
        { "birthdate=1958", 1 },
        { "birthdate=1958-05", 0 },
        { "birthdate=eq1958-04", 1 },
        { "birthdate=ne1958", 0 },
        { "birthdate=ne1960", 1 },
        { "birthdate=lt1960", 1 },
        { "birthdate=lt1958-04-12", 0 },
        { "birthdate=gt1958-04-11", 1 },
        { "birthdate=gt1958", 0 },
        { "birthdate=le1958-04-12", 1 },
        { "birthdate=ge1958-04-13", 0 },
        { "birthdate=sa1950", 1 },
        { "birthdate=sa1958", 0 },
        { "birthdate=eb1959", 1 },
        { "birthdate=eb1958-04-12", 0 },
        { "birthdate=ap1958-04-20", 1 },
        { "birthdate=ap1990", 0 },
        { "family=Thornton&birthdate=1958-04-12&gender=female", 1 },
    };

    public static TheoryData<string, string[]> DemographicOnly => new()
    {
        { "family=Thornton&birthdate=1958-04-12", [EmisRich] },
        { "family=thorn&birthdate=1958-04-12", [EmisRich] },
        { "family=Cooper&birthdate=1958-04-12", [EmisRich] },
        { "family=Thornton&birthdate=1958-04-12&given=Alice&gender=female", [EmisRich] },
        { "family=Thornton&birthdate=1958-04-12&given=Bob", [] },
        { "family=Thornton&birthdate=1958-04-13", [] },
        { "family=Mellor&birthdate=1966-02-14", [] },
    };

    [Fact]
    public async Task Search_ByNhsNumber_ReturnsUkCorePatient()
    {
        var client = factory.CreateClient();

        var response = await client.FhirGetAsync(ByNhs);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be("Bundle");
        response.Body!["type"]!.GetValue<string>().Should().Be("searchset");
        response.Total.Should().Be(1);
        var patient = response.Entries().Should().ContainSingle().Subject;
        patient["identifier"]![0]!["value"]!.GetValue<string>().Should().Be(EmisRich);
        patient["meta"]!["profile"]![0]!.GetValue<string>().Should().Be("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
        patient["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:emis:A81001");
        response.Body!["entry"]![0]!["fullUrl"]!.GetValue<string>().Should().EndWith("/fhir/Patient/" + patient["id"]!.GetValue<string>());
        response.Header("Cache-Control").Should().Be("no-store");
    }

    [Fact]
    public async Task Search_ById_ReturnsThePatient()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync(ByNhs)).Entries()[0]["id"]!.GetValue<string>();

        var response = await client.FhirGetAsync("/fhir/Patient?_id=" + id);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().ContainSingle().Which["id"]!.GetValue<string>().Should().Be(id);
    }

    [Fact]
    public async Task Search_ByIdNeverIssued_ReturnsEmptyBundle()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?_id=not-a-facade-id");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DemographicCriteria))]
    public async Task Search_WithDemographicCriteria_FiltersByModifierAndPrefix(string criteria, int expected)
    {
        var response = await factory.CreateClient().FhirGetAsync(ByNhs + "&" + criteria);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(expected);
        response.Entries().Should().HaveCount(expected);
    }

    [Fact]
    public async Task Search_WhenNhsNumberHeldNowhere_ReturnsEmptyBundle()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + Unknown);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DemographicOnly))]
    public async Task Search_ByFamilyAndBirthdateWithoutNhsNumber_FindsThePatientAtEmis(string criteria, string[] expected)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?" + criteria);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(p => p["identifier"]![0]!["value"]!.GetValue<string>()).Should().Equal(expected);
        response.Total.Should().Be(expected.Length);
        response.Entries().Select(p => p["meta"]!["source"]!.GetValue<string>()).Where(s => !s.StartsWith("urn:fhirfacade:source:emis:", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task Search_ByFamilyAndBirthdatePrefix_ReturnsOnlyPatientsMatchingBoth()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?family=Thornton&birthdate=ge1958-01-01&_count=500");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(p => p["identifier"]![0]!["value"]!.GetValue<string>()).Should().Contain(EmisRich);
        response.Entries().Should().OnlyContain(p =>
            p["name"]!.AsArray().Any(n => n!["family"]!.GetValue<string>().StartsWith("Thornton", StringComparison.OrdinalIgnoreCase))
            && string.CompareOrdinal(p["birthDate"]!.GetValue<string>(), "1958-01-01") >= 0);
    }

    [Fact]
    public async Task Search_ViaPostForm_MatchesGet()
    {
        var response = await factory.CreateClient().PostFormAsync("/fhir/Patient/_search", [KeyValuePair.Create("identifier", FhirHttp.Nhs + EmisRich), KeyValuePair.Create("gender", "female")]);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(1);
        response.Link("self").Should().Contain("gender=female");
    }

    [Fact]
    public async Task Search_ViaPostWithJsonBody_Returns415()
    {
        var response = await factory.CreateClient().FhirSendAsync(HttpMethod.Post, "/fhir/Patient/_search", "{}");

        response.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Issues()[0]["code"]!.GetValue<string>().Should().Be("not-supported");
    }

    [Fact]
    public async Task Search_WithUnknownParameter_IgnoresReportsAndNeverEchoesIt()
    {
        var response = await factory.CreateClient().FhirGetAsync(ByNhs + "&colour=blue");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(1);
        response.SpineCodes().Should().Contain("NOT_IMPLEMENTED");
        response.Issues()[0]["severity"]!.GetValue<string>().Should().Be("warning");
        response.Link("self").Should().NotContain("colour");
    }

    [Fact]
    public async Task Search_WithUnknownParameterUnderStrictHandling_Returns400()
    {
        var response = await factory.CreateClient().FhirGetAsync(ByNhs + "&colour=blue", headers: new Dictionary<string, string> { ["Prefer"] = "handling=strict" });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().Contain("INVALID_PARAMETER");
    }

    public static TheoryData<string, HttpStatusCode, string> Errors => new()
    {
        { "/fhir/Patient?family=Thornton", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "/fhir/Patient", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "/fhir/Patient?identifier=9990000018", HttpStatusCode.BadRequest, "INVALID_IDENTIFIER_SYSTEM" },
        { "/fhir/Patient?identifier=http://example.org/mrn|9990000018", HttpStatusCode.BadRequest, "INVALID_IDENTIFIER_SYSTEM" },
        { "/fhir/Patient?identifier=" + FhirHttp.Nhs + "9990000019", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER" },
        { "/fhir/Patient?identifier=" + FhirHttp.Nhs + "12345", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER" },
        { ByNhs + "&birthdate=12/04/1958", HttpStatusCode.BadRequest, "INVALID_PARAMETER" },
        { ByNhs + "&birthdate=xx1958", HttpStatusCode.BadRequest, "INVALID_PARAMETER" },
        { ByNhs + "&_count=many", HttpStatusCode.BadRequest, "INVALID_PARAMETER" },
        { ByNhs + "&family:phonetic=Thornton", HttpStatusCode.UnprocessableEntity, "INVALID_PARAMETER" },
        { ByNhs + "&_summary=text", HttpStatusCode.UnprocessableEntity, "INVALID_PARAMETER" },
        { ByNhs + "&_include=Patient:general-practitioner", HttpStatusCode.UnprocessableEntity, "INVALID_PARAMETER" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Search_WhenInvalid_ReturnsOperationOutcomeWithSpineCode(string url, HttpStatusCode status, string spineCode)
    {
        var response = await factory.CreateClient().FhirGetAsync(url);

        response.Status.Should().Be(status);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().Contain(spineCode);
        response.Issues()[0]["severity"]!.GetValue<string>().Should().Be("error");
    }
}
