using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FhirFacade.Server.Http;

/// <summary>
/// The CORS rules (<see href="https://fetch.spec.whatwg.org/#http-cors-protocol"/>) from
/// <see cref="CrossOriginOptions"/>: which origins are allowed, and the request and response headers a
/// FHIR client in a browser needs. Bearer tokens travel in <c>Authorization</c>, never in cookies, so
/// credentials mode is never allowed (<c>Access-Control-Allow-Credentials</c> is never sent).
/// </summary>
public sealed class CrossOriginPolicy
{
    /// <summary>The methods a browser may use: the facade is read-only (<c>POST</c> for <c>_search</c>, <c>$validate</c> and the token endpoint).</summary>
    public const string AllowedMethods = "GET, HEAD, POST";

    /// <summary>The request headers a FHIR client sends beyond the CORS-safelisted ones.</summary>
    public const string AllowedHeaders = "Authorization, Content-Type, Accept, Prefer, If-None-Match, If-Modified-Since, X-Request-Id";

    /// <summary>The response headers a FHIR client reads beyond the CORS-safelisted ones.</summary>
    public const string ExposedHeaders = "Location, Content-Location, ETag, Last-Modified, X-Request-Id, WWW-Authenticate, Retry-After";

    private readonly FrozenSet<string> _origins;
    private readonly bool _loopback;

    public CrossOriginPolicy(IOptions<CrossOriginOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        // CrossOriginOptionsValidator has refused, at start-up, any entry that is not an origin.
        _origins = value.AllowedOrigins.Select(o => TryNormalize(o.TrimEnd('/'), out var origin) ? origin : o).ToFrozenSet(StringComparer.Ordinal);
        _loopback = value.AllowLoopbackOrigins;
        MaxAge = value.PreflightMaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><see langword="true"/> when some origin may be allowed (<c>CapabilityStatement.rest.security.cors</c>).</summary>
    public bool Enabled => _origins.Count > 0 || _loopback;

    /// <summary>The <c>Access-Control-Max-Age</c> of a preflight's answer.</summary>
    public string MaxAge { get; }

    /// <summary>
    /// The origin to echo in <c>Access-Control-Allow-Origin</c>, or <see langword="null"/> when the request's
    /// <c>Origin</c> is not allowed. Only one origin, written exactly as a browser serializes it, can be allowed,
    /// so the echoed value is always one the configuration (or the loopback rule) names.
    /// </summary>
    public string? Allow(StringValues origin)
    {
        if (origin.Count != 1 || origin[0] is not { Length: > 0 } value || !TryNormalize(value, out var normalized) || normalized != value)
        {
            return null;
        }

        return _origins.Contains(normalized) || (_loopback && LoopbackHosts.Contains(new Uri(normalized))) ? normalized : null;
    }

    /// <summary>
    /// An origin as a browser serializes it (<c>scheme://host[:port]</c>, lower case, no default port) from
    /// an absolute http(s) URL with no user info, path, query or fragment; <see langword="false"/> otherwise
    /// (including the opaque origin <c>null</c> and wildcards).
    /// </summary>
    public static bool TryNormalize(string value, [NotNullWhen(true)] out string? origin)
    {
        origin = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || value.EndsWith('/') || value.Contains('*', StringComparison.Ordinal))
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }
}
