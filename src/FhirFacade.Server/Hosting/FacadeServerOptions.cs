using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Server.Hosting;

/// <summary>Options of the HTTP surface (<c>Facade:Server</c>).</summary>
public sealed class FacadeServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Server";

    /// <summary>The FHIR base path (default <c>/fhir</c>): starts with '/', no trailing '/'.</summary>
    [RegularExpression("^/[A-Za-z0-9/_\\-.]*[A-Za-z0-9_\\-.]$")]
    public string BasePath { get; set; } = "/fhir";

    /// <summary>
    /// The public base URL (<c>https://facade.example.nhs.uk/fhir</c>) used in <c>fullUrl</c> and links;
    /// when empty, it is taken from the request (scheme, host and base path).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
