using FhirFacade.Core.Errors;
using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Http;

namespace FhirFacade.Server.Tests.Http;

[Trait("Category", "Unit")]
public sealed class FormatNegotiatorTests
{
    public static TheoryData<string?, string?, FhirFormat?> FhirVersions => new()
    {
        { "application/fhir+json; fhirVersion=4.0", null, FhirFormat.Json },
        { "application/fhir+xml;fhirVersion=4.0", null, FhirFormat.Xml },
        { "application/fhir+json; fhirVersion=\"4.0\"", null, FhirFormat.Json },
        { "application/fhir+json; fhirversion=4.0.1", null, FhirFormat.Json },
        { "application/fhir+json; fhirVersion=3.0", null, null },
        { "application/fhir+json; fhirVersion=4.3", null, null },
        { "application/fhir+json; fhirVersion=5.0", null, null },
        { "*/*; fhirVersion=1.0", null, null },
        { "application/fhir+json; fhirVersion=3.0, application/fhir+xml; fhirVersion=4.0; q=0.5", null, FhirFormat.Xml },
        { "application/fhir+json; fhirVersion=3.0, application/json; q=0.1", null, FhirFormat.Json },
        { null, "application/fhir+xml;fhirVersion=4.0", FhirFormat.Xml },
        { null, "application/fhir+json;fhirVersion=3.0", null },
        { "application/fhir+json; fhirVersion=3.0", "json", FhirFormat.Json },
    };

    [Theory]
    [MemberData(nameof(FhirVersions))]
    public void Negotiate_FhirVersionParameter_AcceptsR4Only(string? accept, string? format, FhirFormat? expected)
    {
        var context = Context(accept, format);

        var negotiate = () => FormatNegotiator.Negotiate(context);

        if (expected is { } ok)
        {
            negotiate().Should().Be(ok);
        }
        else
        {
            var refusal = negotiate.Should().Throw<FacadeException>().Which;
            refusal.StatusCode.Should().Be(StatusCodes.Status406NotAcceptable);
            refusal.Issues[0].Message.Should().Contain("fhirVersion");
        }
    }

    private static DefaultHttpContext Context(string? accept, string? format)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        if (format is not null)
        {
            context.Request.QueryString = QueryString.Create("_format", format);
        }

        return context;
    }
}
