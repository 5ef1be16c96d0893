using System.Net;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The CORS rules as a browser meets them (docs/security.md "Browsers (CORS)"), on a server that allows one
/// origin: a preflight is answered before authentication, with the allow headers only for the allowed
/// origin; every answer to the allowed origin — refusals included — carries the origin and the headers a FHIR
/// client reads; any other origin, in any spelling, gets no CORS header at all.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CrossOriginTests(CrossOriginFacadeServerFactory factory) : IClassFixture<CrossOriginFacadeServerFactory>
{
    private const string Allowed = CrossOriginFacadeServerFactory.AllowedOrigin;
    private static readonly string[] ExposedHeaders = ["Location", "Content-Location", "ETag", "Last-Modified", "X-Request-Id", "WWW-Authenticate", "Retry-After"];
    private static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "Accept", "Prefer", "If-None-Match", "If-Modified-Since", "X-Request-Id"];

    public static TheoryData<string, string> PreflightTargets() => new()
    {
        { "/fhir/Patient?identifier=" + Uri.EscapeDataString(FhirHttp.Nhs + TestPatients.EmisRich), "GET" },
        { "/fhir/Condition/some-id", "GET" },
        { "/fhir/Condition/_search", "POST" },
        { "/fhir/metadata", "GET" },
        { "/fhir/AuditEvent", "GET" },
        { "/fhir/no/such/path", "GET" },
        { "/dev-auth/token", "POST" },
        { "/.well-known/smart-configuration", "GET" },
    };

    public static TheoryData<string> OriginsNotAllowed() => new()
    {
        "https://evil.example",
        "http://127.0.0.1:5080",
        "http://app.example.nhs.uk",
        "https://app.example.nhs.uk:8443",
        "https://app.example.nhs.uk/",
        "HTTPS://APP.EXAMPLE.NHS.UK",
        "https://app.example.nhs.uk.evil.example",
        "https://app.example.nhs.uk, https://evil.example",
        "null",
        "*",
    };

    [Theory]
    [MemberData(nameof(PreflightTargets))]
    public async Task Preflight_AllowedOrigin_Is204WithTheAllowHeadersBeforeAnyTokenCheck(string path, string method)
    {
        using var response = await SendAsync(HttpMethod.Options, path, Allowed, preflightMethod: method, requestHeaders: "authorization,content-type");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be(Allowed);
        List(response, "Access-Control-Allow-Methods").Should().BeEquivalentTo(["GET", "HEAD", "POST"]);
        List(response, "Access-Control-Allow-Headers").Should().BeEquivalentTo(RequestHeaders);
        Header(response, "Access-Control-Max-Age").Should().Be("300");
        Header(response, "Access-Control-Allow-Credentials").Should().BeNull("bearer tokens travel in a header, never as credentials");
        response.Headers.Vary.Should().Contain("Origin");
        response.Headers.WwwAuthenticate.Should().BeEmpty("a preflight carries no token and is never challenged");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(OriginsNotAllowed))]
    public async Task Preflight_OriginNotAllowed_Is204WithoutAnyCorsHeader(string origin)
    {
        using var response = await SendAsync(HttpMethod.Options, "/fhir/Condition/some-id", origin, preflightMethod: "GET", requestHeaders: "authorization");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        CorsHeaders(response).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(OriginsNotAllowed))]
    public async Task Get_OriginNotAllowed_IsAnsweredWithoutAnyCorsHeader(string origin)
    {
        using var response = await SendAsync(HttpMethod.Get, "/fhir/metadata", origin);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the server answers; the browser keeps the answer from the page");
        CorsHeaders(response).Should().BeEmpty();
    }

    [Fact]
    public async Task Get_AllowedOriginWithToken_CarriesTheOriginAndExposesTheHeadersAFhirClientReads()
    {
        using var response = await SendAsync(HttpMethod.Get, "/fhir/Patient?identifier=" + Uri.EscapeDataString(FhirHttp.Nhs + TestPatients.EmisRich), Allowed, token: true);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").Should().Be(Allowed);
        List(response, "Access-Control-Expose-Headers").Should().BeEquivalentTo(ExposedHeaders);
        response.Headers.Vary.Should().Contain("Origin");
        Header(response, "Access-Control-Allow-Methods").Should().BeNull("only a preflight's answer lists the methods");
    }

    [Fact]
    public async Task Get_AllowedOriginWithoutToken_The401CarriesTheOriginSoThePageCanReadTheChallenge()
    {
        using var response = await SendAsync(HttpMethod.Get, "/fhir/Condition?patient.identifier=" + Uri.EscapeDataString(FhirHttp.Nhs + TestPatients.EmisRich), Allowed);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
        Header(response, "Access-Control-Allow-Origin").Should().Be(Allowed);
        List(response, "Access-Control-Expose-Headers").Should().Contain("WWW-Authenticate");
        (await response.Content.ReadAsStringAsync()).Should().Contain("OperationOutcome");
    }

    [Fact]
    public async Task Post_TokenEndpointFromAllowedOrigin_AnswerIsReadable()
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev-auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "demo-client", ["client_secret"] = "demo-secret" }),
        };
        request.Headers.Add("Origin", Allowed);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").Should().Be(Allowed);
    }

    [Fact]
    public async Task Get_WithoutOrigin_HasNoCorsHeaders()
    {
        using var response = await SendAsync(HttpMethod.Get, "/fhir/metadata", origin: null);

        CorsHeaders(response).Should().BeEmpty();
        response.Headers.Vary.Should().NotContain("Origin");
    }

    [Theory]
    [InlineData("OPTIONS", null)]
    [InlineData("GET", "GET")]
    [InlineData("POST", "GET")]
    public async Task NotAPreflight_EvenFromTheAllowedOrigin_MeetsTheGate(string method, string? preflightMethod)
    {
        // OPTIONS without Access-Control-Request-Method, or another method with it: not a preflight, so the
        // endpoint gate decides as for any request (401 without a token), and CORS only adds its headers.
        using var response = await SendAsync(new HttpMethod(method), "/fhir/Condition/_search", Allowed, preflightMethod: preflightMethod);

        response.StatusCode.Should().NotBe(HttpStatusCode.NoContent).And.NotBe(HttpStatusCode.OK);
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        Header(response, "Access-Control-Allow-Methods").Should().BeNull();
    }

    [Fact]
    public async Task Preflight_IsAuditedAsAnOtherInteractionWithNoCallerOrPatient()
    {
        var correlationId = "preflight-" + Guid.NewGuid().ToString("N");

        using var response = await SendAsync(HttpMethod.Options, "/fhir/Patient?identifier=" + Uri.EscapeDataString(FhirHttp.Nhs + TestPatients.EmisRich), Allowed, preflightMethod: "GET", correlationId: correlationId);

        var entries = await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        var record = entries.Should().ContainSingle().Subject.Record;
        record.Interaction.Should().Be(AuditInteractions.Other);
        record.Method.Should().Be("OPTIONS");
        record.Outcome.HttpStatus.Should().Be(204);
        record.Agent.Should().Be(AuditAgent.Anonymous);
        record.PatientNhsNumber.Should().BeNull("a preflight reads nothing, even when its URL names a patient");
        record.ResourceCount.Should().Be(0);
        record.Sources.Should().BeEmpty();
    }

    [Fact]
    public async Task Metadata_OriginsConfigured_DeclaresCors()
    {
        using var client = factory.CreateAnonymousClient();

        var metadata = await client.FhirGetAsync("/fhir/metadata");

        metadata.Body!["rest"]![0]!["security"]!["cors"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://app.example.nhs.uk/path")]
    [InlineData("app.example.nhs.uk")]
    [InlineData("ftp://app.example.nhs.uk")]
    [InlineData("null")]
    public void Start_AllowedOriginThatIsNotAnOrigin_RefusesToStart(string origin)
    {
        using var server = new OverriddenFactory(new Dictionary<string, string?> { ["Facade:Cors:AllowedOrigins:0"] = origin });

        var start = () => server.Server;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Facade:Cors:AllowedOrigins").And.Contain(origin);
    }

    [Fact]
    public async Task NoOriginConfigured_MetadataDeclaresNoCorsAndAPreflightGetsNoCorsHeader()
    {
        using var server = new OverriddenFactory(new Dictionary<string, string?> { ["Facade:Cors:AllowLoopbackOrigins"] = "false" });
        using var client = server.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/fhir/metadata");
        request.Headers.Add("Origin", "http://127.0.0.1:5080");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var metadata = await client.FhirGetAsync("/fhir/metadata");
        using var preflight = await client.SendAsync(request);

        metadata.Body!["rest"]![0]!["security"]!["cors"]!.GetValue<bool>().Should().BeFalse();
        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        CorsHeaders(preflight).Should().BeEmpty();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, string? preflightMethod = null, string? requestHeaders = null, bool token = false, string? correlationId = null)
    {
        using var client = token ? factory.CreateClient() : factory.CreateAnonymousClient();
        var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (preflightMethod is not null)
        {
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", preflightMethod);
        }

        if (requestHeaders is not null)
        {
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", requestHeaders);
        }

        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", correlationId);
        }

        if (method == HttpMethod.Post && preflightMethod is null)
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static List<string> List(HttpResponseMessage response, string name) =>
        [.. (Header(response, name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<string> CorsHeaders(HttpResponseMessage response) =>
        [.. response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))];

    private sealed class OverriddenFactory(Dictionary<string, string?> settings) : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => settings;
    }
}
