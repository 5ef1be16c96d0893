using System.Net;
using System.Text.Json;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// Every kind of bad token is refused with the right status, an RFC 6750 challenge and an
/// OperationOutcome — and never with data — over the real server and simulators.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TokenMatrixTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string SearchPath = "/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018";

    public static TheoryData<string, HttpStatusCode, string> Rows() => new()
    {
        { "no token", HttpStatusCode.Unauthorized, "Bearer realm=\"FhirFacade\"" },
        { "expired", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "not yet valid", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "wrong issuer", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "wrong audience", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "alg none", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "HS256 signed with the public key", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "unknown kid", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "bad signature", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "another key claiming the known kid", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "malformed", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "exp beyond the calendar", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "exp the largest number", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "exp not a number", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "nbf before the calendar", HttpStatusCode.Unauthorized, "error=\"invalid_token\"" },
        { "not a bearer scheme", HttpStatusCode.Unauthorized, "error=\"invalid_request\"" },
        { "missing scope", HttpStatusCode.Forbidden, "error=\"insufficient_scope\"" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Search_WithBadToken_IsRefusedWithNoData(string kind, HttpStatusCode status, string challenge)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SearchPath);
        Authorize(request, kind);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(status, kind);
        response.Headers.WwwAuthenticate.ToString().Should().Contain(challenge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        body.RootElement.GetProperty("issue")[0].GetProperty("code").GetString().Should().Be(status == HttpStatusCode.Unauthorized ? "login" : "forbidden");
        body.RootElement.ToString().Should().NotContain("MedicationStatement\",\"id").And.NotContain("9990000018\"}");
    }

    [Fact]
    public async Task Search_WithGoodToken_ReturnsTheBundle()
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SearchPath);
        SecurityTokens.Authorize(request, new SecurityTokens(factory.Services).User());

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("resourceType").GetString().Should().Be("Bundle");
    }

    [Theory]
    [InlineData("/fhir/metadata")]
    [InlineData("/.well-known/smart-configuration")]
    [InlineData("/fhir/.well-known/smart-configuration")]
    public async Task OpenEndpoints_WithoutToken_Answer(string path)
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SmartConfiguration_AdvertisesAbsoluteUrlsAndS256Only()
    {
        using var client = factory.CreateAnonymousClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/.well-known/smart-configuration"));

        var root = body.RootElement;
        root.GetProperty("token_endpoint").GetString().Should().Be("http://localhost/dev-auth/token");
        root.GetProperty("authorization_endpoint").GetString().Should().Be("http://localhost/dev-auth/authorize");
        root.GetProperty("jwks_uri").GetString().Should().StartWith("http://localhost/");
        root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()).Should().Equal("S256");
    }

    private void Authorize(HttpRequestMessage request, string kind)
    {
        var tokens = new SecurityTokens(factory.Services);
        var now = TimeProvider.System.GetUtcNow();
        switch (kind)
        {
            case "no token":
                return;
            case "not a bearer scheme":
                request.Headers.TryAddWithoutValidation("Authorization", "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=");
                return;
        }

        var token = kind switch
        {
            "expired" => tokens.Custom(notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            "not yet valid" => tokens.Custom(notBefore: now.AddMinutes(10), expires: now.AddMinutes(40)),
            "wrong issuer" => tokens.Custom(issuer: "https://evil.example/dev-auth"),
            "wrong audience" => tokens.Custom(audience: "https://other.example/fhir"),
            "alg none" => tokens.AlgNone(),
            "HS256 signed with the public key" => tokens.Hs256WithPublicKey(),
            "unknown kid" => tokens.UnknownKid(),
            "bad signature" => SecurityTokens.Tampered(tokens.User()),
            "another key claiming the known kid" => tokens.OtherKeySameKid(),
            "malformed" => "eyJhbGciOiJSUzI1NiJ9.%%%.sig",
            "exp beyond the calendar" => tokens.WithLifetimeClaims(exp: 253402300800L),
            "exp the largest number" => tokens.WithLifetimeClaims(exp: 1e300),
            "exp not a number" => tokens.WithLifetimeClaims(exp: "tomorrow"),
            "nbf before the calendar" => tokens.WithLifetimeClaims(exp: now.AddMinutes(30).ToUnixTimeSeconds(), nbf: long.MinValue),
            "missing scope" => tokens.User("user/Condition.rs"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        SecurityTokens.Authorize(request, token);
    }
}
