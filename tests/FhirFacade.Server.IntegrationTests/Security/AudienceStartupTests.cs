using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The token audience as the real process decides it at start-up: a configuration with a real issuer
/// must name its public URL or it does not start; the embedded default (what <c>dotnet run</c> starts)
/// takes its listen URL, whatever <c>Host</c> a request names.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AudienceStartupTests : IDisposable
{
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "ffaudit-aud-" + Guid.NewGuid().ToString("N")[..12] + ".db");

    [Fact]
    public async Task Start_RealIssuerWithNeitherAudienceNorPublicUrl_ExitsNamingTheSettings()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var settings = new Dictionary<string, string>
        {
            ["DevAuthorization:Enabled"] = "false",
            ["Smart:Issuer"] = "https://auth.example.nhs.uk",
            ["Smart:JwksUrl"] = "https://auth.example.nhs.uk/.well-known/jwks.json",
            ["Audit:SqlitePath"] = _auditPath,
        };

        var start = async () => await (await FacadeProcess.StartAsync(settings, timeout.Token)).DisposeAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Contain("exited during start-up").And.Contain("Smart:Audience or Facade:Server:PublicBaseUrl");
    }

    [Fact]
    public async Task EmbeddedDefault_TokensOfItsIssuer_CarryTheListenUrlAndWorkWhateverTheHost()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var server = await FacadeProcess.StartAsync(new Dictionary<string, string> { ["Audit:SqlitePath"] = _auditPath }, timeout.Token);
        using var client = new HttpClient();
        var expectedAudience = new Uri(server.BaseAddress, "/fhir").AbsoluteUri;

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "/dev-auth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "demo-client",
                ["client_secret"] = "demo-secret",
                ["scope"] = "user/*.rs",
            }),
        };
        tokenRequest.Headers.Host = "other.example";
        using var tokenResponse = await client.SendAsync(tokenRequest, timeout.Token);
        using var tokenBody = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(timeout.Token));
        var token = tokenBody.RootElement.GetProperty("access_token").GetString()!;
        using var search = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/fhir/Patient?identifier=" + FhirHttp.Nhs + TestPatients.EmisRich));
        search.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        search.Headers.Host = "other.example";
        using var searchResponse = await client.SendAsync(search, timeout.Token);

        using var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]));
        claims.RootElement.GetProperty("aud").GetString().Should().Be(expectedAudience);
        claims.RootElement.GetProperty("iss").GetString().Should().Be(new Uri(server.BaseAddress, "/dev-auth").AbsoluteUri);
        searchResponse.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _auditPath, _auditPath + "-wal", _auditPath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
