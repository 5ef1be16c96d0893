using FhirFacade.Core.Errors;
using FhirFacade.Core.Search;
using FhirFacade.Fhir.Issues;
using Microsoft.Net.Http.Headers;

namespace FhirFacade.Server.Http;

/// <summary>
/// Chooses the response format: <c>_format</c> wins over <c>Accept</c>
/// (<see href="https://hl7.org/fhir/R4/http.html#mime-type"/>); JSON when neither says; 406 when
/// nothing asked for is supported. A media type with a <c>fhirVersion</c> parameter
/// (<see href="https://hl7.org/fhir/R4/http.html#version-parameter"/>) is acceptable only for R4
/// (<see cref="FhirMediaTypes.IsR4FhirVersion"/>); when every range asked for names another version, 406.
/// Also reads <c>_pretty</c>.
/// </summary>
public static class FormatNegotiator
{
    /// <summary>The item key under which the negotiated format is kept for the exception handler.</summary>
    public const string ItemKey = "fhirfacade.format";

    /// <summary>Negotiates and remembers the format; throws 406.</summary>
    public static FhirFormat Negotiate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = Choose(context.Request);
        context.Items[ItemKey] = format;
        return format;
    }

    /// <summary>
    /// The format negotiated in this request; for an answer written before the endpoint negotiated
    /// (an error from the gate, the limits or the audit), the format the request asks for; JSON when
    /// it asks for nothing the facade speaks (so a 406 is JSON).
    /// </summary>
    public static FhirFormat Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var value) && value is FhirFormat negotiated)
        {
            return negotiated;
        }

        FhirFormat format;
        try
        {
            format = Choose(context.Request);
        }
        catch (FacadeException)
        {
            format = FhirFormat.Json;
        }

        context.Items[ItemKey] = format;
        return format;
    }

    /// <summary><see langword="true"/> when <c>_pretty=true</c>.</summary>
    public static bool IsPretty(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(RequestQuery.Of(request.HttpContext).Value(SearchParameterNames.Pretty), "true", StringComparison.OrdinalIgnoreCase);
    }

    private static FhirFormat Choose(HttpRequest request)
    {
        var formatParameter = RequestQuery.Of(request.HttpContext).Value(SearchParameterNames.Format);
        if (formatParameter.Length > 0)
        {
            var requested = formatParameter.Replace(' ', '+');
            if (FhirMediaTypes.FhirVersionOf(requested) is { } version && !FhirMediaTypes.IsR4FhirVersion(version))
            {
                throw OtherFhirVersion(version);
            }

            return FromMediaType(requested) ?? throw NotAcceptable($"_format={formatParameter} is not supported (json, xml, application/fhir+json, application/fhir+xml).");
        }

        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
        {
            return FhirFormat.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            throw NotAcceptable("The Accept header could not be read.");
        }

        string? otherVersion = null;
        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1.0))
        {
            if (range.Quality is 0)
            {
                continue;
            }

            if (range.Parameters.FirstOrDefault(p => p.Name.Equals(FhirMediaTypes.FhirVersionParameter, StringComparison.OrdinalIgnoreCase)) is { } parameter
                && HeaderUtilities.RemoveQuotes(parameter.Value).ToString() is var version
                && !FhirMediaTypes.IsR4FhirVersion(version))
            {
                otherVersion ??= version;
                continue;
            }

            var mediaType = range.MediaType.Value ?? string.Empty;
            if (mediaType is "*/*" or "application/*")
            {
                return FhirFormat.Json;
            }

            if (FromMediaType(mediaType) is { } format)
            {
                return format;
            }
        }

        if (otherVersion is not null)
        {
            throw OtherFhirVersion(otherVersion);
        }

        throw NotAcceptable("None of the media types in Accept is supported (application/fhir+json, application/fhir+xml, application/json, application/xml).");
    }

    private static FhirFormat? FromMediaType(string value) => value.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "json" or "application/json" or "application/fhir+json" or "text/json" => FhirFormat.Json,
        "xml" or "application/xml" or "application/fhir+xml" or "text/xml" => FhirFormat.Xml,
        _ => null,
    };

    private static FacadeException OtherFhirVersion(string version) =>
        NotAcceptable($"This server speaks FHIR R4 only (fhirVersion=4.0); the request asked for fhirVersion={(version.Length <= 16 ? version : version[..16])}.");

    private static FacadeException NotAcceptable(string message) =>
        new(StatusCodes.Status406NotAcceptable, new Issue("HTTP406", IssueSeverity.Error, IssueType.NotSupported, message));
}
