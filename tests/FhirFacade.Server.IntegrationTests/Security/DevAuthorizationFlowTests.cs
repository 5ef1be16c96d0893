using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The development issuer's SMART standalone launch over HTTP: authorize (patient picker) →
/// code → token with PKCE S256 → a patient-context token the resource server accepts.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DevAuthorizationFlowTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string RedirectUri = "http://localhost:8080/callback";
    private const string Scope = "launch/patient patient/*.rs openid";

    [Fact]
    public async Task AuthorizationCodeWithPkce_ForPickedPatient_GivesATokenConfinedToThatPatient()
    {
        using var client = NoRedirectClient();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var picker = await client.GetStringAsync(AuthorizeUrl(Challenge(verifier)));
        var patientId = PickFirstPatient(picker);

        using var approval = await client.PostAsync("/dev-auth/authorize", new FormUrlEncodedContent(AuthorizeForm(Challenge(verifier), patientId)));
        var code = QueryValue(approval.Headers.Location!, "code");
        using var tokenResponse = await client.PostAsync("/dev-auth/token", new FormUrlEncodedContent(TokenForm(code, verifier)));
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());

        picker.Should().Contain("DEVELOPMENT ONLY");
        approval.StatusCode.Should().Be(HttpStatusCode.Redirect);
        QueryValue(approval.Headers.Location!, "state").Should().Be("xyz");
        tokenResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        token.RootElement.GetProperty("patient").GetString().Should().Be(patientId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient/{patientId}");
        SecurityTokens.Authorize(request, token.RootElement.GetProperty("access_token").GetString());
        using var read = await client.SendAsync(request);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WithWrongPkceVerifier_IsInvalidGrantAndTheCodeIsSpent()
    {
        using var client = NoRedirectClient();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var patientId = PickFirstPatient(await client.GetStringAsync(AuthorizeUrl(Challenge(verifier))));
        using var approval = await client.PostAsync("/dev-auth/authorize", new FormUrlEncodedContent(AuthorizeForm(Challenge(verifier), patientId)));
        var code = QueryValue(approval.Headers.Location!, "code");

        using var wrong = await client.PostAsync("/dev-auth/token", new FormUrlEncodedContent(TokenForm(code, "not-the-verifier")));
        using var retry = await client.PostAsync("/dev-auth/token", new FormUrlEncodedContent(TokenForm(code, verifier)));

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("invalid_grant");
        retry.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a code is single-use, even after a failed attempt");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    public async Task Authorize_WithoutS256Challenge_IsRefused(string method)
    {
        using var client = NoRedirectClient();

        using var response = await client.GetAsync(AuthorizeUrl("abc", method));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("S256");
    }

    [Fact]
    public async Task Authorize_WithUnregisteredRedirect_AnswersHereAndDoesNotRedirect()
    {
        using var client = NoRedirectClient();

        using var response = await client.GetAsync(AuthorizeUrl("abc").Replace(Uri.EscapeDataString(RedirectUri), Uri.EscapeDataString("https://evil.example/cb"), StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task ClientCredentials_WithWrongSecret_IsInvalidClient()
    {
        using var client = NoRedirectClient();

        using var response = await client.PostAsync("/dev-auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "wrong",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("invalid_client").And.NotContain("access_token");
    }

    private HttpClient NoRedirectClient()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string AuthorizeUrl(string challenge, string method = "S256") =>
        "/dev-auth/authorize?response_type=code&client_id=demo-app"
        + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope={Uri.EscapeDataString(Scope)}&state=xyz"
        + $"&code_challenge={challenge}&code_challenge_method={method}&aud={Uri.EscapeDataString("http://localhost/fhir")}";

    private static Dictionary<string, string> AuthorizeForm(string challenge, string patient) => new()
    {
        ["response_type"] = "code",
        ["client_id"] = "demo-app",
        ["redirect_uri"] = RedirectUri,
        ["scope"] = Scope,
        ["state"] = "xyz",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
        ["aud"] = "http://localhost/fhir",
        ["patient"] = patient,
    };

    private static Dictionary<string, string> TokenForm(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = "demo-app",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["code_verifier"] = verifier,
    };

    private static string PickFirstPatient(string html)
    {
        const string marker = "name=\"patient\" required value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private static string QueryValue(Uri location, string name) =>
        location.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1] is var v ? Uri.UnescapeDataString(v) : string.Empty;
}
