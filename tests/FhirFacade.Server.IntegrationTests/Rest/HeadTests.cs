using System.Net;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// HEAD on every form of GET the facade serves (capabilities, search, GET <c>_search</c>, read, AuditEvent, compartment
/// search, and their errors; SMART discovery, the development issuer's keys and the landing page outside the FHIR base) answers as the GET does — status, representation headers, audit record — with no body
/// (<see href="https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2"/>). The authorization decision for HEAD on
/// every endpoint is checked by <see cref="EndpointAuthorizationMatrixTests"/>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HeadTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string PatientId = "{patient-id}";

    /// <summary>The headers that describe the representation, so must be the same for HEAD (Date, X-Request-Id, Last-Modified vary per request).</summary>
    private static readonly string[] SameHeaders = ["Content-Type", "ETag", "Cache-Control", "WWW-Authenticate", "Allow", "Content-Encoding", "Vary"];

    public static TheoryData<string, string, HttpStatusCode> GetForms => new()
    {
        { "capabilities", "/fhir/metadata", HttpStatusCode.OK },
        { "capabilities in XML", "/fhir/metadata?_format=xml", HttpStatusCode.OK },
        { "search", "/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich, HttpStatusCode.OK },
        { "GET _search", "/fhir/Condition/_search?patient.identifier=" + FhirHttp.Nhs + EmisRich, HttpStatusCode.OK },
        { "read", "/fhir/Patient/" + PatientId, HttpStatusCode.OK },
        { "read, _summary", "/fhir/Patient/" + PatientId + "?_summary=true", HttpStatusCode.OK },
        { "AuditEvent search", "/fhir/AuditEvent?_count=2", HttpStatusCode.OK },
        { "compartment search", "/fhir/Patient/" + PatientId + "/Condition", HttpStatusCode.OK },
        { "compartment GET _search", "/fhir/Patient/" + PatientId + "/AllergyIntolerance/_search?clinical-status=active", HttpStatusCode.OK },
        { "compartment outside", "/fhir/Patient/" + PatientId + "/Medication", HttpStatusCode.NotFound },
        { "SMART discovery", "/.well-known/smart-configuration", HttpStatusCode.OK },
        { "SMART discovery under the base", "/fhir/.well-known/smart-configuration", HttpStatusCode.OK },
        { "landing page", "/", HttpStatusCode.OK },
        { "dev issuer keys", "/dev-auth/jwks.json", HttpStatusCode.OK },
        { "invalid search", "/fhir/Patient?identifier=" + FhirHttp.Nhs + "123", HttpStatusCode.BadRequest },
        { "unknown id", "/fhir/Patient/not-an-id-it-issued", HttpStatusCode.NotFound },
        { "unknown type", "/fhir/Observation?patient=x", HttpStatusCode.NotFound },
        { "no route", "/fhir/Patient/a/b/c", HttpStatusCode.NotFound },
        { "not acceptable", "/fhir/metadata?_format=text/turtle", HttpStatusCode.NotAcceptable },
    };

    [Theory]
    [MemberData(nameof(GetForms))]
    public async Task Head_EveryFormOfGet_AnswersAsTheGetWithoutBody(string form, string url, HttpStatusCode status)
    {
        var client = factory.CreateClient();
        var target = url.Replace(PatientId, await PatientIdAsync(client), StringComparison.Ordinal);
        var headers = url.StartsWith("/fhir/AuditEvent", StringComparison.Ordinal) ? new[] { ("Authorization", "Bearer " + new SecurityTokens(factory.Services).User("user/AuditEvent.rs")) } : [];
        var get = await RestCall.SendAsync(client, factory.Services, "GET", target, headers);

        var head = await RestCall.SendAsync(client, factory.Services, "HEAD", target, headers);

        get.Status.Should().Be(status, form);
        get.Body.Should().NotBeEmpty(form);
        head.Status.Should().Be(get.Status, form);
        head.Body.Should().BeEmpty(form);
        foreach (var name in SameHeaders)
        {
            head.Header(name).Should().Be(get.Header(name), $"{form}: {name}");
        }

        head.Audit.Should().ContainSingle(form).Which.Method.Should().Be("HEAD");
        head.Audit[0].Interaction.Should().Be(get.Audit.Single().Interaction, form);
        head.Audit[0].Outcome.Should().Be(get.Audit[0].Outcome, form);
    }

    [Fact]
    public async Task Head_Capabilities_GivesTheContentLengthOfTheGet()
    {
        var client = factory.CreateClient();
        var get = await RestCall.SendAsync(client, factory.Services, "GET", "/fhir/metadata");

        var head = await RestCall.SendAsync(client, factory.Services, "HEAD", "/fhir/metadata");

        head.Header("Content-Length").Should().Be(get.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Head_WithoutToken_Is401WithChallengeAndNoBody()
    {
        using var client = factory.CreateAnonymousClient();

        var head = await RestCall.SendAsync(client, factory.Services, "HEAD", "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + EmisRich);

        head.Status.Should().Be(HttpStatusCode.Unauthorized);
        head.Header("WWW-Authenticate").Should().StartWith("Bearer");
        head.Body.Should().BeEmpty();
        head.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(401);
    }

    private static async Task<string> PatientIdAsync(HttpClient client)
    {
        var search = await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich);
        return search.Entries().Single()["id"]!.GetValue<string>();
    }
}
