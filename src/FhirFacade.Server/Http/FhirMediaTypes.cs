namespace FhirFacade.Server.Http;

/// <summary>FHIR media types (<see href="https://hl7.org/fhir/R4/http.html#mime-type"/>).</summary>
public static class FhirMediaTypes
{
    public const string Json = "application/fhir+json";
    public const string Xml = "application/fhir+xml";
    public const string FormUrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The Content-Type written for a format.</summary>
    public static string ContentType(FhirFormat format) => (format == FhirFormat.Xml ? Xml : Json) + "; charset=utf-8";
}
