using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class XmlFormatTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string XmlContentType = "application/fhir+xml; charset=utf-8";

    public static TheoryData<string, string?, string, HttpStatusCode, string> Requests => new()
    {
        { "/fhir/metadata", "application/fhir+xml", string.Empty, HttpStatusCode.OK, "CapabilityStatement" },
        { "/fhir/metadata", null, "?_format=xml", HttpStatusCode.OK, "CapabilityStatement" },
        { "/fhir/Patient", "application/xml", "?identifier=" + FhirHttp.Nhs + EmisRich, HttpStatusCode.OK, "Bundle" },
        { "/fhir/MedicationStatement", null, "?patient.identifier=" + FhirHttp.Nhs + EmisRich + "&_include=MedicationStatement:medication&_format=application/fhir%2Bxml", HttpStatusCode.OK, "Bundle" },
        { "/fhir/Patient/not-an-id", "application/fhir+xml", string.Empty, HttpStatusCode.NotFound, "OperationOutcome" },
        { "/fhir/Patient", "text/xml", "?family=Thornton", HttpStatusCode.BadRequest, "OperationOutcome" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Get_AskingForXml_ReturnsParsableFhirXml(string path, string? accept, string query, HttpStatusCode status, string resourceType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + query);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await factory.CreateClient().SendAsync(request);
        var parsed = new FhirXmlParser(FhirKernel.Default.Model).Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.ToString().Should().Be(XmlContentType);
        parsed.HasErrors.Should().BeFalse();
        parsed.Root!.InstanceType.Should().Be(resourceType);
    }

    [Fact]
    public async Task Read_InXml_CarriesTheSameContentAsJson()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + EmisRich)).Entries()[0]["id"]!.GetValue<string>();

        var json = await client.FhirGetAsync("/fhir/Condition/" + id);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Condition/" + id + "?_format=xml");
        using var response = await client.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        var fromXml = FhirKernel.Default.JsonSerializer.Serialize(new FhirXmlParser(FhirKernel.Default.Model).Parse(xml).Root!);

        JsonNode.DeepEquals(RetrievalTime.Without(JsonNode.Parse(fromXml)!), RetrievalTime.Without(json.Body!)).Should().BeTrue();
    }
}
