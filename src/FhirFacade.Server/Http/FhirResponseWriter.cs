using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Server.Http;

/// <summary>
/// Writes a resource tree in the negotiated format (JSON or XML) through the kernel's canonical
/// serializers, after <see cref="ReleasedText.Repair"/>: JSON and XML then carry the same text, and
/// no value can make either fail part-way.
/// </summary>
public sealed partial class FhirResponseWriter(FhirJsonSerializer jsonSerializer, ILogger<FhirResponseWriter> logger)
{
    /// <summary>Writes <paramref name="resource"/> with a status code.</summary>
    public async Task WriteAsync(HttpContext context, ElementNode resource, int statusCode, FhirFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);

        // Searches name the sources of repaired supplier text in their OperationOutcome before they get
        // here, and an OperationOutcome's own repairs are the caller's echoed text. A read has no outcome
        // to carry it, so its repair is logged (never the text) with the correlation id, whose audit
        // record names the supplier and organisation.
        var repaired = ReleasedText.Repair(resource);
        if (repaired > 0 && resource.InstanceType is not (nameof(Bundle) or nameof(OperationOutcome)))
        {
            LogTextReplaced(logger, resource.InstanceType, repaired, context.TraceIdentifier);
        }

        var pretty = FormatNegotiator.IsPretty(context.Request);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirMediaTypes.ContentType(format);
        var body = format == FhirFormat.Xml
            ? FhirXmlSerializer.SerializeToBytes(resource, new FhirXmlSerializerOptions { Pretty = pretty })
            : jsonSerializer.SerializeToUtf8Bytes(resource, pretty ? FhirJsonSerializerOptions.Indented : FhirJsonSerializerOptions.Compact);
        response.ContentLength = body.Length;

        // Inside the audit the body is its HeldResponseBody, which keeps this array as the answer rather than a copy of it.
        cancellationToken.ThrowIfCancellationRequested();
        if (response.Body is HeldResponseBody held && held.TryHold(body))
        {
            return;
        }

        await response.Body.WriteAsync(body, cancellationToken);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Request {CorrelationId}: {Count} value(s) in the {ResourceType} answer held characters FHIR strings cannot carry and were replaced with U+FFFD")]
    private static partial void LogTextReplaced(ILogger logger, string resourceType, int count, string correlationId);
}
