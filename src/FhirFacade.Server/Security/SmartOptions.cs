using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Server.Security;

/// <summary>
/// How bearer tokens are checked (section <c>Smart</c>). Tokens come from an external SMART
/// authorization server in production; the embedded default points at the development issuer.
/// </summary>
public sealed class SmartOptions
{
    public const string SectionName = "Smart";

    /// <summary>The expected <c>iss</c> claim. Required unless the development issuer is on (it fills this in).</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The expected <c>aud</c>: this server's FHIR base URL. When empty, the base URL of the request
    /// (<c>{scheme}://{host}{pathBase}{fhirBasePath}</c>) is used.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>A JWKS file with the issuer's public keys.</summary>
    public string? JwksFile { get; set; }

    /// <summary>A JWKS URL with the issuer's public keys (fetched at start and on unknown <c>kid</c>, at most once a minute).</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>Signature algorithms accepted; anything else (including <c>none</c> and HMAC) is refused.</summary>
    public IList<string> AllowedAlgorithms { get; } = ["RS256", "ES256"];

    /// <summary>Tolerance for <c>exp</c>/<c>nbf</c>, in seconds (default 60).</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>Authorization endpoint advertised in <c>/.well-known/smart-configuration</c>.</summary>
    public Uri? AuthorizationEndpoint { get; set; }

    /// <summary>Token endpoint advertised in <c>/.well-known/smart-configuration</c>.</summary>
    public Uri? TokenEndpoint { get; set; }
}
