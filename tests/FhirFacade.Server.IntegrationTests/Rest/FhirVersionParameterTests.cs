using System.Net;
using System.Text;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// The <c>fhirVersion</c> MIME parameter (<see href="https://hl7.org/fhir/R4/http.html#version-parameter"/>): R4 in
/// <c>Accept</c> or <c>_format</c> is served, any other version is 406; a <c>$validate</c> body declared as another
/// version is 415; each refusal an OperationOutcome, audited.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FhirVersionParameterTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Search = "/fhir/Patient?identifier=" + FhirHttp.Nhs + EmisRich;

    public static TheoryData<string, string, HttpStatusCode> Accepts => new()
    {
        { "application/fhir+json; fhirVersion=4.0", "application/fhir+json; charset=utf-8", HttpStatusCode.OK },
        { "application/fhir+xml; fhirVersion=4.0", "application/fhir+xml; charset=utf-8", HttpStatusCode.OK },
        { "application/fhir+json; fhirVersion=3.0", "application/fhir+json; charset=utf-8", HttpStatusCode.NotAcceptable },
        { "application/fhir+xml; fhirVersion=5.0", "application/fhir+json; charset=utf-8", HttpStatusCode.NotAcceptable },
        { "application/fhir+json; fhirVersion=1.0, application/fhir+xml; fhirVersion=4.0; q=0.5", "application/fhir+xml; charset=utf-8", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Get_AcceptWithFhirVersion_ServesR4Or406(string accept, string contentType, HttpStatusCode status)
    {
        var call = await RestCall.SendAsync(factory.CreateClient(), factory.Services, "GET", Search, ("Accept", accept));

        call.Status.Should().Be(status, accept);
        call.Header("Content-Type").Should().Be(contentType, accept);
        var body = Encoding.UTF8.GetString(call.Body);
        body.Should().Contain(status == HttpStatusCode.OK ? "Bundle" : "OperationOutcome");
        if (status == HttpStatusCode.NotAcceptable)
        {
            body.Should().Contain("fhirVersion");
        }

        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be((int)status);
    }

    [Fact]
    public async Task Get_FormatWithOtherFhirVersion_Is406()
    {
        var call = await RestCall.SendAsync(factory.CreateClient(), factory.Services, "GET", "/fhir/metadata?_format=" + Uri.EscapeDataString("application/fhir+json;fhirVersion=3.0"));

        call.Status.Should().Be(HttpStatusCode.NotAcceptable);
        Encoding.UTF8.GetString(call.Body).Should().Contain("OperationOutcome");
    }

    public static TheoryData<string, HttpStatusCode> ValidateBodies => new()
    {
        { "application/fhir+json; fhirVersion=4.0", HttpStatusCode.OK },
        { "application/fhir+json; fhirVersion=3.0", HttpStatusCode.UnsupportedMediaType },
        { "application/fhir+json; fhirVersion=5.0; charset=utf-8", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(ValidateBodies))]
    public async Task Validate_BodyWithFhirVersion_ReadsR4Or415(string contentType, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Patient/$validate")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"gender\":\"female\"}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var call = await RestCall.SendAsync(factory.CreateClient(), factory.Services, request);

        call.Status.Should().Be(status, contentType);
        Encoding.UTF8.GetString(call.Body).Should().Contain("OperationOutcome");
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be((int)status);
    }
}
