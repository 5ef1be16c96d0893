using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// What every answer must satisfy, whatever was sent: no 5xx except the documented ones (503 with
/// Retry-After when the audit trail or capacity is out, 502/504 only when a supplier really failed);
/// every error under the FHIR base an OperationOutcome in the negotiated format; nothing of an
/// exception (type names, messages, stack frames) in any error body.
/// </summary>
internal static class FuzzOracle
{
    private const string FhirNamespace = "http://hl7.org/fhir";

    // Marks of exception text: stack frames, .NET type names, exception class names.
    private static readonly string[] ExceptionMarks = ["   at ", ".cs:line", "Exception:", "Exception (", "System.", "Microsoft.", "FhirFacade.", "StackTrace", "InnerException", "--- End of"];

    /// <summary>Every rule <paramref name="response"/> breaks (empty when it is a good answer).</summary>
    public static IReadOnlyList<string> Check(FuzzRequest request, FuzzResponse response)
    {
        var violations = new List<string>();
        if (response.Status == 0)
        {
            // Kestrel refuses a request line or header block beyond its own limits as soon as it has read that far, and
            // closes the connection. A client still sending the rest of a much larger request then has its write fail
            // (broken pipe, reset) and may never read the refusal: a race of the transport, not an answer the server
            // failed to give. KestrelProcessTests shows those refusals over a raw connection that reads them.
            if (!(BeyondKestrelLimits(request) && ClosedWhileSending(response.ClientError)))
            {
                violations.Add($"no answer: {response.ClientError}");
            }

            return violations;
        }

        var bodyText = Encoding.UTF8.GetString(response.Body);
        var isHead = request.Method == "HEAD";
        if (response.Status >= 500 && !IsDocumentedServerError(response, bodyText))
        {
            violations.Add($"status {response.Status}");
        }

        if (response.Status >= 400)
        {
            foreach (var mark in ExceptionMarks.Where(m => bodyText.Contains(m, StringComparison.Ordinal)))
            {
                violations.Add($"error body contains exception text ('{mark.Trim()}')");
            }
        }

        if (response.Status >= 400 && request.IsFhir && !isHead && !IsKestrelRejection(response))
        {
            var format = FormatOf(response.ContentType);
            if (format is null)
            {
                violations.Add($"error with Content-Type '{response.ContentType}', not a FHIR format");
            }
            else
            {
                if (request.ExpectedFormat is { } expected && expected != format)
                {
                    violations.Add($"error in {format}, but the request negotiated {expected}");
                }

                if (!IsOperationOutcome(response.Body, format.Value))
                {
                    violations.Add($"error body is not an OperationOutcome: '{Shorten(bodyText)}'");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// An answer Kestrel wrote itself, before the application saw the request (a request line, target or
    /// headers it would not parse): no X-Request-Id, no body, one of the statuses Kestrel uses for that.
    /// </summary>
    public static bool IsKestrelRejection(FuzzResponse response) =>
        response.CorrelationId is null && response.Body.Length == 0 && response.Status is 400 or 414 or 431 or 505;

    /// <summary>Whether the answer is an OperationOutcome, in JSON or XML.</summary>
    public static bool IsOperationOutcome(byte[] body, FhirFormat format)
    {
        try
        {
            if (format == FhirFormat.Json)
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.TryGetProperty("resourceType", out var type) && type.GetString() == "OperationOutcome"
                    && document.RootElement.TryGetProperty("issue", out var issues) && issues.GetArrayLength() > 0;
            }

            using var stream = new MemoryStream(body);
            var root = XDocument.Load(stream).Root!;
            return root.Name == XName.Get("OperationOutcome", FhirNamespace) && root.Elements(XName.Get("issue", FhirNamespace)).Any();
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException)
        {
            return false;
        }
    }

    public static FhirFormat? FormatOf(string? contentType) => contentType?.Split(';')[0].Trim() switch
    {
        FhirMediaTypes.Json => FhirFormat.Json,
        FhirMediaTypes.Xml => FhirFormat.Xml,
        _ => null,
    };

    // 503 with Retry-After (audit trail down, overload) and 502/504 naming a supplier that failed.
    private static bool IsDocumentedServerError(FuzzResponse response, string body) => response.Status switch
    {
        503 => response.RetryAfter,
        502 or 504 => body.Contains("SUPPLIER-", StringComparison.Ordinal) || body.Contains("PATIENT-MISMATCH", StringComparison.Ordinal),
        _ => false,
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // Kestrel's limits as the server sets them from the default request limits (the process the fuzz runs uses the defaults).
    private static readonly KestrelServerLimits Kestrel = DefaultKestrelLimits();

    private static bool BeyondKestrelLimits(FuzzRequest request)
    {
        var requestLine = request.Method.Length + 1 + Encoding.UTF8.GetByteCount(request.Target) + " HTTP/1.1".Length;
        var headers = request.Headers.Sum(h => h.Key.Length + 2 + Encoding.UTF8.GetByteCount(h.Value) + 2);
        return requestLine > Kestrel.MaxRequestLineSize || headers > Kestrel.MaxRequestHeadersTotalSize;
    }

    private static KestrelServerLimits DefaultKestrelLimits()
    {
        var options = new KestrelServerOptions();
        new KestrelLimits(Options.Create(new RequestLimitsOptions())).Configure(options);
        return options.Limits;
    }

    private static bool ClosedWhileSending(string? clientError) =>
        clientError is not null
        && (clientError.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase) || clientError.Contains("Connection reset", StringComparison.OrdinalIgnoreCase));
}
