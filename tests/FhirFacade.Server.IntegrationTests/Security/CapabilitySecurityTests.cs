using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The CapabilityStatement's <c>rest.security</c> describes the SMART resource server and agrees with
/// <c>/.well-known/smart-configuration</c> (SMART App Launch, "Conformance": the oauth-uris extension).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CapabilitySecurityTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string OAuthUris = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    [Fact]
    public async Task Metadata_Security_DeclaresSmartOnFhirAndCors()
    {
        var security = await SecurityAsync();

        security["cors"]!.GetValue<bool>().Should().BeTrue("the embedded default allows loopback origins (Facade:Cors)");
        var coding = security["service"]![0]!["coding"]![0]!;
        coding["system"]!.GetValue<string>().Should().Be("http://terminology.hl7.org/CodeSystem/restful-security-service");
        coding["code"]!.GetValue<string>().Should().Be("SMART-on-FHIR");
        security["description"]!.GetValue<string>().Should()
            .Contain("Bearer").And.Contain("patient/").And.Contain("`patient` claim").And.Contain("401").And.Contain("WWW-Authenticate");
    }

    [Fact]
    public async Task Metadata_OAuthUris_AgreeWithSmartConfiguration()
    {
        var security = await SecurityAsync();
        var smart = await factory.CreateAnonymousClient().FhirGetAsync("/fhir/.well-known/smart-configuration");

        smart.Status.Should().Be(HttpStatusCode.OK);
        var uris = security["extension"]!.AsArray().Single(e => e!["url"]!.GetValue<string>() == OAuthUris)!["extension"]!.AsArray()
            .ToDictionary(e => e!["url"]!.GetValue<string>(), e => e!["valueUri"]!.GetValue<string>());
        uris.Should().HaveCount(2);
        uris["authorize"].Should().Be(smart.Body!["authorization_endpoint"]!.GetValue<string>()).And.StartWith("http://localhost/");
        uris["token"].Should().Be(smart.Body!["token_endpoint"]!.GetValue<string>());
    }

    private async Task<JsonNode> SecurityAsync()
    {
        var response = await factory.CreateAnonymousClient().FhirGetAsync("/fhir/metadata");
        response.Status.Should().Be(HttpStatusCode.OK);
        return response.Body!["rest"]![0]!["security"]!;
    }
}
