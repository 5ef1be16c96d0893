using System.Diagnostics.CodeAnalysis;
using FhirFacade.Server.Hosting;

namespace FhirFacade.Server.Security;

/// <summary>
/// The token audience and the development issuer's URL, fixed at start-up from configuration and never
/// taken from a request: a client choosing the <c>Host</c> header must not choose what <c>aud</c> (or
/// <c>iss</c>) the server accepts.
/// </summary>
/// <param name="Audience">The accepted <c>aud</c>: <c>Smart:Audience</c>, else <c>Facade:Server:PublicBaseUrl</c>, else (development issuer only) the first listen URL plus the FHIR base path.</param>
/// <param name="Root">The server root the development issuer lives under (<c>{Root}/dev-auth</c>), when it can be known.</param>
internal sealed record SmartServerUrls(string Audience, string? Root)
{
    /// <summary>The settings that name the audience, for messages.</summary>
    public const string AudienceSettings = "Smart:Audience or Facade:Server:PublicBaseUrl";

    /// <summary>
    /// Resolves the URLs, or says why they cannot be: a real (non-development) configuration must name its
    /// audience; the embedded default may fall back on its listen URL, which must then name a host and port.
    /// </summary>
    public static bool TryResolve(
        SmartOptions smart,
        FacadeServerOptions server,
        string? listenUrls,
        bool devIssuerEnabled,
        [NotNullWhen(true)] out SmartServerUrls? urls,
        [NotNullWhen(false)] out string? problem)
    {
        urls = null;
        problem = null;
        var basePath = server.BasePath.TrimEnd('/');
        string? root = null;
        string? publicBase = null;
        if (server.PublicBaseUrl is { } configured)
        {
            publicBase = configured.AbsoluteUri.TrimEnd('/');
            root = publicBase.EndsWith(basePath, StringComparison.Ordinal) ? publicBase[..^basePath.Length] : configured.GetLeftPart(UriPartial.Authority);
        }
        else if (devIssuerEnabled)
        {
            root = ListenRoot(listenUrls, out problem);
        }

        var audience = string.IsNullOrWhiteSpace(smart.Audience) ? publicBase ?? (root is null ? null : root + basePath) : smart.Audience;
        if (audience is null)
        {
            problem = devIssuerEnabled
                ? $"{AudienceSettings} must name this server's public FHIR base URL (the token audience): {problem}"
                : $"{AudienceSettings} must name this server's public FHIR base URL, the audience its tokens carry; it is never taken from the request.";
            return false;
        }

        if (devIssuerEnabled && root is null)
        {
            problem = $"Facade:Server:PublicBaseUrl, or a listen URL (Urls) with a host and port, must say where the development issuer lives: {problem}";
            return false;
        }

        urls = new SmartServerUrls(audience, root);
        return true;
    }

    /// <summary>The first listen URL (<c>Urls</c>, as the host reads it) as <c>scheme://host:port</c>, when it names one host and a fixed port.</summary>
    private static string? ListenRoot(string? listenUrls, out string? problem)
    {
        var first = listenUrls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            problem = "no listen URL (Urls) is configured.";
            return null;
        }

        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Host is "0.0.0.0" or "[::]" or "::" || uri.Port == 0)
        {
            problem = $"the listen URL '{first}' does not name one host and a fixed port.";
            return null;
        }

        problem = null;
        return uri.GetLeftPart(UriPartial.Authority);
    }
}
