using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// Errors raised before an endpoint negotiates the format (the token check, the request limits) still
/// answer in the format the request asks for, by <c>_format</c> or <c>Accept</c>; a request asking for
/// nothing the facade speaks gets JSON.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ErrorFormatTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private static readonly string Search = $"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{TestPatients.EmisRich}";

    public static TheoryData<string, string, string?, string, int, FhirFormat> Cases() => new()
    {
        { "no token", Search, null, "none", 401, FhirFormat.Json },
        { "no token, Accept XML", Search, FhirMediaTypes.Xml, "none", 401, FhirFormat.Xml },
        { "no token, _format=xml", Search + "&_format=xml", null, "none", 401, FhirFormat.Xml },
        { "no token, _format=json over Accept XML", Search + "&_format=json", FhirMediaTypes.Xml, "none", 401, FhirFormat.Json },
        { "wrong scope, Accept application/xml", Search, "application/xml", "auditor", 403, FhirFormat.Xml },
        { "target too long, _format=xml", Search + "&_format=xml&x=" + new string('a', new RequestLimitsOptions().MaxRequestTargetLength), null, "clinician", 414, FhirFormat.Xml },
        { "nothing acceptable", Search, "text/html", "clinician", 406, FhirFormat.Json },
        { "nothing acceptable and no token", Search, "text/html", "none", 401, FhirFormat.Json },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Error_RaisedBeforeTheEndpoint_IsAnOperationOutcomeInTheNegotiatedFormat(string name, string path, string? accept, string token, int status, FhirFormat format)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var tokens = new SecurityTokens(factory.Services);
        SecurityTokens.Authorize(request, token switch
        {
            "clinician" => tokens.User(),
            "auditor" => tokens.User("user/AuditEvent.rs"),
            _ => null,
        });

        var call = await AuditedCall.SendAsync(client, factory.Services, request);

        call.Status.Should().Be(status, name);
        call.Format.Should().Be(format, name);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(status);
    }
}
