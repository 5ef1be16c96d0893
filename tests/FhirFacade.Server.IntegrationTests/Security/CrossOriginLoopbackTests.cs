using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The embedded default (appsettings.json, <c>Facade:Cors:AllowLoopbackOrigins</c>): a browser app served
/// from any port of 127.0.0.1, [::1] or localhost may call the server; nothing else may.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CrossOriginLoopbackTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.1:49152", true)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("https://localhost:8443", true)]
    [InlineData("http://127.0.0.2:8080", false)]
    [InlineData("http://localhost.evil.example:3000", false)]
    [InlineData("http://evil.example", false)]
    [InlineData("https://facade.example.nhs.uk", false)]
    public async Task Preflight_EmbeddedDefault_AllowsLoopbackOriginsOnAnyPortOnly(string origin, bool allowed)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/fhir/Patient?identifier=" + Uri.EscapeDataString(FhirHttp.Nhs + TestPatients.EmisRich));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        if (allowed)
        {
            response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(origin);
        }
        else
        {
            response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        }
    }
}
