using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using FhirFacade.TestKit.Fhir;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>
/// <c>$validate</c> (issue #14 item 3): 200 with an OperationOutcome whether or not the resource is valid,
/// 400 only for an unreadable body, 413 over the size limit, 415 for another media type, 403 without read
/// access to the type, JSON and XML, Parameters with profile and mode, audited without content.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ValidateOperationTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Json = "application/fhir+json";
    private const string Xml = "application/fhir+xml";
    private const string RichardSmith = "Patient-UKCore-Patient-RichardSmith-Example.json";
    private const string UkCorePatient = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";

    [Theory]
    [InlineData("/fhir/Patient/$validate")]
    [InlineData("/fhir/$validate")]
    [InlineData("/fhir/Patient/$validate?profile=" + UkCorePatient)]
    public async Task Validate_ValidUkCorePatient_Returns200WithoutErrors(string path)
    {
        var response = await PostAsync(path, TestFhir.ReadUkCoreExample(RichardSmith), Json);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().NotContain(i => i.Severity == "error" || i.Severity == "fatal", response.Body);
        response.Json!["resourceType"]!.GetValue<string>().Should().Be("OperationOutcome");
    }

    [Theory]
    [InlineData("/fhir/Patient/$validate")]
    [InlineData("/fhir/$validate")]
    public async Task Validate_InvalidResource_Returns200WithTheError(string path)
    {
        var patient = Example(RichardSmith);
        patient["birthDate"] = "1970-13-01";

        var response = await PostAsync(path, patient.ToJsonString(), Json);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().Contain(i => i.Severity == "error" && i.Code == "VAL-PRIMITIVE" && i.Expression == "Patient.birthDate");
    }

    [Fact]
    public async Task Validate_AllergyEndOutsideItsContext_Returns200WithTheContextError()
    {
        var allergy = Example("AllergyIntolerance-UKCore-AllergyIntolerance-Amoxicillin-Example.json");
        allergy["extension"] = JsonNode.Parse("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]}]""");

        var response = await PostAsync("/fhir/AllergyIntolerance/$validate?profile=https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance", allergy.ToJsonString(), Json);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().Contain(i => i.Severity == "error" && i.Code == "VAL-EXT-CONTEXT");
    }

    [Fact]
    public async Task Validate_ParametersWithProfile_ValidatesTheResourceAgainstThatProfile()
    {
        var parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(
                new JsonObject { ["name"] = "resource", ["resource"] = Example(RichardSmith) },
                new JsonObject { ["name"] = "profile", ["valueUri"] = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner" },
                new JsonObject { ["name"] = "mode", ["valueCode"] = "create" }),
        };

        var response = await PostAsync("/fhir/$validate", parameters.ToJsonString(), Json);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().Contain(i => i.Severity == "error" && i.Code == "VAL-PROFILE", "a Patient cannot conform to UKCore-Practitioner");
    }

    [Fact]
    public async Task Validate_ParametersWithValidResource_Returns200WithoutErrors()
    {
        var parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(
                new JsonObject { ["name"] = "resource", ["resource"] = Example(RichardSmith) },
                new JsonObject { ["name"] = "profile", ["valueUri"] = UkCorePatient }),
        };

        var response = await PostAsync("/fhir/Patient/$validate", parameters.ToJsonString(), Json);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().NotContain(i => i.Severity == "error" || i.Severity == "fatal", response.Body);
    }

    [Fact]
    public async Task Validate_ParametersWithModeDelete_Returns422InvalidParameter()
    {
        var parameters = """{"resourceType":"Parameters","parameter":[{"name":"mode","valueCode":"delete"},{"name":"resource","resource":{"resourceType":"Patient","id":"a"}}]}""";

        var response = await PostAsync("/fhir/$validate", parameters, Json);

        response.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Issues().Should().Contain(i => i.Spine == "INVALID_PARAMETER");
    }

    [Fact]
    public async Task Validate_ResourceOfAnotherTypeThanTheRoute_Returns200WithAnError()
    {
        var response = await PostAsync("/fhir/Condition/$validate", TestFhir.ReadUkCoreExample(RichardSmith), Json);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().Contain(i => i.Severity == "error" && i.Code == "VALIDATE-TYPE");
    }

    [Theory]
    [InlineData("not json at all", Json)]
    [InlineData("{\"resourceType\":\"Patient\",", Json)]
    [InlineData("{\"resourceType\":\"NoSuchType\"}", Json)]
    [InlineData("[1,2,3]", Json)]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"a\"/>", Xml)]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"x\">]><Patient xmlns=\"http://hl7.org/fhir\"/>", Xml)]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"profile\",\"valueUri\":\"https://example.org/p\"}]}", Json)]
    [InlineData("", Json)]
    public async Task Validate_UnreadableBody_Returns400BadRequest(string body, string contentType)
    {
        var response = await PostAsync("/fhir/$validate", body, contentType);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Issues().Should().Contain(i => i.Spine == "BAD_REQUEST");
        response.Body.Should().NotContain("Exception");
    }

    [Fact]
    public async Task Validate_BodyOverTheLimit_Returns413()
    {
        var patient = Example(RichardSmith);
        patient["text"] = new JsonObject { ["status"] = "generated", ["div"] = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + new string('x', 1024 * 1024) + "</div>" };

        var response = await PostAsync("/fhir/Patient/$validate", patient.ToJsonString(), Json);

        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Issues().Should().Contain(i => i.Type == "too-long");
    }

    [Fact]
    public async Task Validate_ChunkedBodyOverTheLimit_Returns413()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/$validate")
        {
            Content = new PushStreamContent(new string(' ', 1024 * 1024 + 10)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Json);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Validate_OtherMediaType_Returns415()
    {
        var response = await PostAsync("/fhir/Patient/$validate", "birthDate=1970-01-01", "text/plain");

        response.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/fhir/Patient/$validate", "user/Condition.rs")]
    [InlineData("/fhir/$validate", "user/Condition.rs")]
    [InlineData("/fhir/$validate", "user/Patient.s")]
    public async Task Validate_TokenWithoutReadAccessToTheType_Returns403(string path, string scopes)
    {
        var token = new SecurityTokens(factory.Services).User(scopes);

        var response = await PostAsync(path, TestFhir.ReadUkCoreExample(RichardSmith), Json, token: token);

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.Issues().Should().Contain(i => i.Spine == "ACCESS_DENIED");
        response.Headers.WwwAuthenticate.ToString().Should().Contain("insufficient_scope");
    }

    [Fact]
    public async Task Validate_TokenWithReadAccessToTheTypeOnly_Returns200()
    {
        var token = new SecurityTokens(factory.Services).User("user/Patient.r");

        var response = await PostAsync("/fhir/$validate", TestFhir.ReadUkCoreExample(RichardSmith), Json, token: token);

        response.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Validate_WithoutToken_Returns401()
    {
        var response = await PostAsync("/fhir/Patient/$validate", TestFhir.ReadUkCoreExample(RichardSmith), Json, token: string.Empty);

        response.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Validate_XmlBodyAndXmlAnswer_ReportsTheErrorInXml()
    {
        const string patient = """<Patient xmlns="http://hl7.org/fhir"><id value="x1"/><gender value="man"/><birthDate value="1970-01-01"/></Patient>""";

        var response = await PostAsync("/fhir/Patient/$validate", patient, Xml, accept: Xml);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().StartWith(Xml);
        var outcome = XElement.Parse(response.Body);
        XNamespace fhir = "http://hl7.org/fhir";
        outcome.Name.Should().Be(fhir + "OperationOutcome");
        outcome.Elements(fhir + "issue").Should().Contain(i => i.Element(fhir + "diagnostics")!.Attribute("value")!.Value == "VAL-BIND-REQUIRED");
    }

    [Fact]
    public async Task Validate_XmlParametersBody_ValidatesTheResource()
    {
        const string parameters = """
            <Parameters xmlns="http://hl7.org/fhir">
              <parameter><name value="resource"/><resource><Patient><id value="x2"/><birthDate value="1970-02-30"/></Patient></resource></parameter>
            </Parameters>
            """;

        var response = await PostAsync("/fhir/$validate", parameters, Xml);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().Contain(i => i.Code == "VAL-PRIMITIVE" && i.Expression == "Patient.birthDate");
    }

    [Fact]
    public async Task Validate_AnyRequest_IsAuditedAsAnOperationWithoutContent()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        var patient = Example(RichardSmith);

        var response = await PostAsync("/fhir/$validate", patient.ToJsonString(), Json, correlationId: correlationId);

        response.Status.Should().Be(HttpStatusCode.OK);
        var trail = factory.Services.GetRequiredService<IAuditTrail>();
        var entries = await trail.SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        var record = entries.Should().ContainSingle().Subject.Record;
        record.Interaction.Should().Be(AuditInteractions.Operation);
        record.ResourceTypes.Should().Equal("Patient");
        record.PatientNhsNumber.Should().BeNull("a validated resource is the caller's content, not a record the facade read");
        record.Outcome.HttpStatus.Should().Be(200);
        record.ToString().Should().NotContain("9000000009").And.NotContain("Smith");
    }

    [Fact]
    public async Task Metadata_DeclaresTheValidateOperation()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/metadata");

        var rest = response.Body!["rest"]![0]!;
        rest["operation"]!.AsArray().Should().Contain(o => o!["name"]!.GetValue<string>() == "validate" && o["definition"]!.GetValue<string>() == "http://hl7.org/fhir/OperationDefinition/Resource-validate");
        rest["resource"]!.AsArray().Should().OnlyContain(r => r!["operation"]!.AsArray().Any(o => o!["name"]!.GetValue<string>() == "validate"));
    }

    private static JsonObject Example(string file) => JsonNode.Parse(TestFhir.ReadUkCoreExample(file))!.AsObject();

    private async Task<Answer> PostAsync(string path, string body, string contentType, string? token = null, string? accept = null, string? correlationId = null)
    {
        using var client = token is { Length: 0 } ? factory.CreateAnonymousClient() : factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is { Length: > 0 })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (correlationId is not null)
        {
            request.Headers.Add("X-Request-Id", correlationId);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? string.Empty, text, response.Headers);
    }

    private sealed record Answer(HttpStatusCode Status, string ContentType, string Body, HttpResponseHeaders Headers)
    {
        public JsonNode? Json => Body.TrimStart().StartsWith('{') ? JsonNode.Parse(Body) : null;

        public IReadOnlyList<(string Severity, string Type, string? Code, string? Expression, string? Spine)> Issues() =>
            (Json?["issue"]?.AsArray() ?? [])
                .Select(i => (
                    i!["severity"]!.GetValue<string>(),
                    i["code"]!.GetValue<string>(),
                    i["diagnostics"]?.GetValue<string>(),
                    i["expression"]?[0]?.GetValue<string>(),
                    i["details"]?["coding"]?[0]?["code"]?.GetValue<string>()))
                .ToList();
    }

    // A body without Content-Length (chunked), so the limit is enforced while reading, not from the header.
    private sealed class PushStreamContent(string text) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text));

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
