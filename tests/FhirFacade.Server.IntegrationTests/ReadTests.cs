using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class ReadTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Rich = "patient.identifier=" + FhirHttp.Nhs + EmisRich;

    public static TheoryData<string, string> SearchThenRead => new()
    {
        { "Patient?identifier=" + FhirHttp.Nhs + EmisRich, "Patient" },
        { "Condition?" + Rich, "Condition" },
        { "AllergyIntolerance?" + Rich, "AllergyIntolerance" },
        { "MedicationStatement?" + Rich, "MedicationStatement" },
    };

    [Theory]
    [MemberData(nameof(SearchThenRead))]
    public async Task Read_EverySearchResult_ReturnsTheSameResourceWithETag(string search, string type)
    {
        var client = factory.CreateClient();
        var found = (await client.FhirGetAsync("/fhir/" + search)).Entries();

        foreach (var resource in found)
        {
            var id = resource["id"]!.GetValue<string>();
            var read = await client.FhirGetAsync($"/fhir/{type}/{id}");

            read.Status.Should().Be(HttpStatusCode.OK);
            read.ContentType.Should().Be(FhirHttp.JsonContentType);
            JsonNode.DeepEquals(RetrievalTime.Without(read.Body!), RetrievalTime.Without(resource)).Should().BeTrue("a read retrieves the record again: only meta.lastUpdated, the retrieval time, may differ");
            read.Header("ETag").Should().MatchRegex("^W/\"[0-9]+\"$");
        }

        found.Should().NotBeEmpty();
    }

    public static TheoryData<string, string> References => new()
    {
        { "Patient?identifier=" + FhirHttp.Nhs + EmisRich, "generalPractitioner" },
        { "MedicationStatement?" + Rich, "medicationReference" },
        { "MedicationStatement?" + Rich, "informationSource" },
        { "Condition?" + Rich, "recorder" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public async Task Read_ReferencedResources_ResolveToUkCoreResources(string search, string element)
    {
        var client = factory.CreateClient();
        var resource = (await client.FhirGetAsync("/fhir/" + search)).Entries()[0];
        var references = resource[element] is JsonArray array ? array.Select(r => r!) : [resource[element]!];

        foreach (var reference in references)
        {
            var path = reference["reference"]!.GetValue<string>();
            var read = await client.FhirGetAsync("/fhir/" + path);

            read.Status.Should().Be(HttpStatusCode.OK, path);
            read.ResourceType.Should().Be(path[..path.IndexOf('/', StringComparison.Ordinal)]);
            read.Body!["meta"]!["profile"]![0]!.GetValue<string>().Should().StartWith("https://fhir.hl7.org.uk/StructureDefinition/UKCore-");
        }
    }

    [Fact]
    public async Task Read_Organization_CarriesOdsCode()
    {
        var client = factory.CreateClient();
        var patient = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich)).Entries()[0];

        var organization = await client.FhirGetAsync("/fhir/" + patient["generalPractitioner"]![0]!["reference"]!.GetValue<string>());

        organization.Body!["identifier"]![0]!["system"]!.GetValue<string>().Should().Be("https://fhir.nhs.uk/Id/ods-organization-code");
        organization.Body!["identifier"]![0]!["value"]!.GetValue<string>().Should().Be("A81001");
    }

    [Fact]
    public async Task Read_WithElements_ReturnsSubsetTagged()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich)).Entries()[0]["id"]!.GetValue<string>();

        var read = await client.FhirGetAsync($"/fhir/Patient/{id}?_elements=birthDate");

        read.Body!["birthDate"]!.GetValue<string>().Should().Be("1958-04-12");
        read.Body!["name"].Should().BeNull();
        read.Body!["meta"]!["tag"]![0]!["code"]!.GetValue<string>().Should().Be("SUBSETTED");
    }

    public static TheoryData<string, HttpStatusCode, string> NotFound => new()
    {
        { "/fhir/Patient/not-an-id", HttpStatusCode.NotFound, "PATIENT_NOT_FOUND" },
        { "/fhir/Condition/AAAAAAAAAAAAAAAA", HttpStatusCode.NotFound, "NO_RECORD_FOUND" },
        { "/fhir/MedicationStatement/" + new string('x', 100), HttpStatusCode.NotFound, "NO_RECORD_FOUND" },
    };

    [Theory]
    [MemberData(nameof(NotFound))]
    public async Task Read_WhenIdIsGarbage_Returns404(string url, HttpStatusCode status, string spineCode)
    {
        var response = await factory.CreateClient().FhirGetAsync(url);

        response.Status.Should().Be(status);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().Contain(spineCode);
        response.Issues()[0]["code"]!.GetValue<string>().Should().Be("not-found");
    }

    [Fact]
    public async Task Read_WhenIdTamperedWith_Returns404()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Condition?" + Rich)).Entries()[0]["id"]!.GetValue<string>();
        var tampered = id[..^3] + (id[^3] == 'A' ? 'B' : 'A') + id[^2..];

        var response = await client.FhirGetAsync("/fhir/Condition/" + tampered);

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.SpineCodes().Should().Contain("NO_RECORD_FOUND");
    }

    [Fact]
    public async Task Read_WhenIdIsAnotherTypes_Returns404()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich)).Entries()[0]["id"]!.GetValue<string>();

        var response = await client.FhirGetAsync("/fhir/Condition/" + id);

        response.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Read_WhenTypeUnsupported_Returns404NotSupported()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Observation/abc");

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.Issues()[0]["code"]!.GetValue<string>().Should().Be("not-supported");
    }
}
