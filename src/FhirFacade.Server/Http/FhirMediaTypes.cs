using Microsoft.Net.Http.Headers;

namespace FhirFacade.Server.Http;

/// <summary>FHIR media types (<see href="https://hl7.org/fhir/R4/http.html#mime-type"/>).</summary>
public static class FhirMediaTypes
{
    public const string Json = "application/fhir+json";
    public const string Xml = "application/fhir+xml";
    public const string FormUrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The MIME parameter naming the FHIR version of a media type (<see href="https://hl7.org/fhir/R4/http.html#version-parameter"/>).</summary>
    public const string FhirVersionParameter = "fhirVersion";

    /// <summary>
    /// <see langword="true"/> for the R4 values of <c>fhirVersion</c>: <c>4.0</c>, as R4 writes it (major.minor), and
    /// <c>4.0.1</c>, the release this server implements.
    /// </summary>
    public static bool IsR4FhirVersion(string value) => value is "4.0" or "4.0.1";

    /// <summary>The <c>fhirVersion</c> parameter of a media type (<c>application/fhir+json; fhirVersion=4.0</c>), or <see langword="null"/>.</summary>
    public static string? FhirVersionOf(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType) || !MediaTypeHeaderValue.TryParse(mediaType, out var parsed))
        {
            return null;
        }

        var parameter = parsed.Parameters.FirstOrDefault(p => p.Name.Equals(FhirVersionParameter, StringComparison.OrdinalIgnoreCase));
        return parameter is null ? null : HeaderUtilities.RemoveQuotes(parameter.Value).ToString();
    }

    /// <summary>The Content-Type written for a format.</summary>
    public static string ContentType(FhirFormat format) => (format == FhirFormat.Xml ? Xml : Json) + "; charset=utf-8";
}
