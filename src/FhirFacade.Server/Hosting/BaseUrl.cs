using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>The FHIR base URL of this server, for <c>fullUrl</c>, links and the CapabilityStatement.</summary>
public sealed class BaseUrl(IOptions<FacadeServerOptions> options)
{
    private readonly FacadeServerOptions _options = options.Value;

    /// <summary>The base path (<c>/fhir</c>).</summary>
    public string BasePath => _options.BasePath;

    /// <summary>The absolute base URL without trailing slash.</summary>
    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _options.PublicBaseUrl is { } configured
            ? configured.AbsoluteUri.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}{_options.BasePath}";
    }
}
