using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Server.Http;

/// <summary>Writes a resource tree in the negotiated format (JSON or XML) through the kernel's canonical serializers.</summary>
public sealed class FhirResponseWriter(FhirJsonSerializer jsonSerializer)
{
    /// <summary>Writes <paramref name="resource"/> with a status code.</summary>
    public async Task WriteAsync(HttpContext context, ElementNode resource, int statusCode, FhirFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pretty = FormatNegotiator.IsPretty(context.Request);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirMediaTypes.ContentType(format);
        var body = format == FhirFormat.Xml
            ? FhirXmlSerializer.SerializeToBytes(resource, new FhirXmlSerializerOptions { Pretty = pretty })
            : jsonSerializer.SerializeToUtf8Bytes(resource, pretty ? FhirJsonSerializerOptions.Indented : FhirJsonSerializerOptions.Compact);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
