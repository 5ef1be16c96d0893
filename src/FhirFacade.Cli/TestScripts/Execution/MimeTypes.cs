namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// The short forms TestScripts use for <c>accept</c>, <c>contentType</c> and <c>assert.contentType</c>
/// (R4 examples write <c>xml</c> and <c>json</c>, as Touchstone does) and their FHIR media types.
/// </summary>
internal static class MimeTypes
{
    public const string FhirJson = "application/fhir+json";

    public const string FhirXml = "application/fhir+xml";

    public const string FormUrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The media type for a short form; other values as given; <see langword="null"/> for <c>none</c>.</summary>
    public static string? Expand(string value) => value.Trim() switch
    {
        "json" => FhirJson,
        "xml" => FhirXml,
        "ttl" => "text/turtle",
        "none" => null,
        var other => other,
    };
}
