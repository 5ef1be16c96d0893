using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The token audience and issuer come from configuration (here <c>Facade:Server:PublicBaseUrl</c> =
/// <c>http://localhost/fhir</c>), never from the request: over real Kestrel, a request naming another
/// <c>Host</c> can neither make the server accept a token minted for that host nor make the development
/// issuer mint one for it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AudienceTests(KestrelFacadeServerFactory factory) : IClassFixture<KestrelFacadeServerFactory>
{
    private const string OtherHost = "other.example";
    private const string PatientSearch = "/fhir/Patient?identifier=" + FhirHttp.Nhs + TestPatients.EmisRich;

    public static TheoryData<string, string> TokensForTheOtherHost() => new()
    {
        // issuer, audience: what a server deriving both from the Host header would have accepted
        { SecurityTokens.Issuer, $"http://{OtherHost}/fhir" },
        { $"http://{OtherHost}/dev-auth", $"http://{OtherHost}/fhir" },
        { $"http://{OtherHost}/dev-auth", SecurityTokens.Audience },
    };

    [Theory]
    [MemberData(nameof(TokensForTheOtherHost))]
    public async Task Search_TokenMintedForTheHostTheRequestNames_Is401(string issuer, string audience)
    {
        var token = new SecurityTokens(factory.Services).Custom(issuer: issuer, audience: audience);

        var (status, challenge, body) = await SendAsync(HttpMethod.Get, PatientSearch, OtherHost, token);

        status.Should().Be(HttpStatusCode.Unauthorized);
        challenge.Should().Contain("error=\"invalid_token\"");
        body.Should().Contain("OperationOutcome").And.NotContain("Thornton");
    }

    [Fact]
    public async Task Search_TokenForTheConfiguredAudience_IsAcceptedWhateverHostTheRequestNames()
    {
        var token = new SecurityTokens(factory.Services).User();

        var (status, _, body) = await SendAsync(HttpMethod.Get, PatientSearch, OtherHost, token);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("Thornton");
    }

    [Fact]
    public async Task DevelopmentIssuer_AskedUnderAnotherHost_MintsForTheConfiguredIssuerAndAudience()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "demo-secret",
            ["scope"] = "user/*.rs",
        });

        var (status, _, body) = await SendAsync(HttpMethod.Post, "/dev-auth/token", OtherHost, token: null, form);

        status.Should().Be(HttpStatusCode.OK);
        using var response = JsonDocument.Parse(body);
        var token = response.RootElement.GetProperty("access_token").GetString()!;
        using var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]));
        claims.RootElement.GetProperty("iss").GetString().Should().Be(SecurityTokens.Issuer);
        claims.RootElement.GetProperty("aud").GetString().Should().Be(SecurityTokens.Audience);
    }

    [Theory]
    [InlineData("/.well-known/smart-configuration")]
    [InlineData("/fhir/metadata")]
    public async Task Discovery_AskedUnderAnotherHost_NamesTheConfiguredIssuer(string path)
    {
        var (status, _, body) = await SendAsync(HttpMethod.Get, path, OtherHost, token: null);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("http://localhost/dev-auth/token").And.NotContain(OtherHost);
    }

    private async Task<(HttpStatusCode Status, string Challenge, string Body)> SendAsync(HttpMethod method, string path, string host, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, factory.Raw(path)) { Content = content };
        request.Headers.Host = host;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await factory.RawClient.SendAsync(request);
        return (response.StatusCode, response.Headers.WwwAuthenticate.ToString(), await response.Content.ReadAsStringAsync());
    }
}
