using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;

namespace FhirFacade.Server.Http;

/// <summary>Writes a resource tree in the negotiated format through the kernel's canonical serializers.</summary>
public sealed class FhirResponseWriter(FhirJsonSerializer jsonSerializer)
{
    /// <summary>Writes <paramref name="resource"/> with a status code.</summary>
    public async Task WriteAsync(HttpContext context, ElementNode resource, int statusCode, FhirFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (format == FhirFormat.Xml)
        {
            // The kernel's XML serializer is not on this branch yet: answer honestly rather than mislabel JSON.
            throw new FacadeException(StatusCodes.Status406NotAcceptable, new Issue("HTTP406", IssueSeverity.Error, IssueType.NotSupported, "application/fhir+xml is not available yet; ask for application/fhir+json."));
        }

        var pretty = FormatNegotiator.IsPretty(context.Request);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirMediaTypes.ContentType(format);
        byte[] body = jsonSerializer.SerializeToUtf8Bytes(resource, pretty ? FhirJsonSerializerOptions.Indented : FhirJsonSerializerOptions.Compact);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
