using FhirFacade.Server.Hosting;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Security;

/// <summary>
/// The absolute URLs of this server's SMART surface — the token audience, the issuer, the OAuth
/// endpoints — from configuration alone (<see cref="SmartServerUrls"/>), never from a request.
/// </summary>
public sealed class SmartEndpoints
{
    /// <summary>The development issuer's path, relative to the host root.</summary>
    public const string DevIssuerPath = "/dev-auth";

    // What the development issuer does (docs/security.md): both launches, public and confidential clients,
    // OpenID Connect with fhirUser, the patient picked or given by the launch, need_patient_banner.
    private static readonly string[] DevIssuerCapabilities =
    [
        "launch-standalone", "launch-ehr", "client-public", "client-confidential-symmetric", "sso-openid-connect",
        "context-standalone-patient", "context-ehr-patient", "context-banner",
        "permission-patient", "permission-user", "permission-v1", "permission-v2",
    ];

    // With a real issuer, what this resource server honours; the issuer's own flows are its to advertise.
    private static readonly string[] ResourceServerCapabilities =
    [
        "launch-standalone", "client-public", "client-confidential-symmetric",
        "context-standalone-patient", "permission-patient", "permission-user", "permission-v1", "permission-v2",
    ];

    private readonly SmartOptions _options;
    private readonly Lazy<SmartServerUrls> _urls;

    public SmartEndpoints(IOptions<SmartOptions> options, IOptions<FacadeServerOptions> server, string? listenUrls, string fhirBasePath, bool devIssuerEnabled)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(fhirBasePath);
        _options = options.Value;
        FhirBasePath = fhirBasePath.TrimEnd('/');
        DevIssuerEnabled = devIssuerEnabled;

        // Resolved on first use: start-up validation (SmartOptionsValidator) has refused a configuration where this fails.
        _urls = new Lazy<SmartServerUrls>(() => SmartServerUrls.TryResolve(_options, server.Value, listenUrls, devIssuerEnabled, out var urls, out var problem)
            ? urls
            : throw new InvalidOperationException(problem));
    }

    /// <summary>The FHIR base path, e.g. <c>/fhir</c>.</summary>
    public string FhirBasePath { get; }

    /// <summary><see langword="true"/> when the built-in development issuer is on.</summary>
    public bool DevIssuerEnabled { get; }

    /// <summary>The <c>aud</c> every token must carry: this server's public FHIR base URL.</summary>
    public string Audience => _urls.Value.Audience;

    /// <summary>The <c>iss</c> every token must carry: <c>Smart:Issuer</c>, or the development issuer's URL.</summary>
    public string ExpectedIssuer => _options.Issuer ?? (DevIssuerEnabled
        ? _urls.Value.Root + DevIssuerPath
        : throw new InvalidOperationException("Smart:Issuer is not configured."));

    /// <summary>The OAuth authorization endpoint (configured, or the issuer's <c>/authorize</c>).</summary>
    public string AuthorizationEndpoint => _options.AuthorizationEndpoint?.AbsoluteUri ?? ExpectedIssuer + "/authorize";

    /// <summary>The OAuth token endpoint (configured, or the issuer's <c>/token</c>).</summary>
    public string TokenEndpoint => _options.TokenEndpoint?.AbsoluteUri ?? ExpectedIssuer + "/token";

    /// <summary>The document served at <c>/.well-known/smart-configuration</c> (SMART App Launch v2).</summary>
    public Dictionary<string, object> Configuration()
    {
        var issuer = ExpectedIssuer;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = _options.JwksUrl?.AbsoluteUri ?? issuer + "/jwks.json",
            ["authorization_endpoint"] = AuthorizationEndpoint,
            ["token_endpoint"] = TokenEndpoint,
            ["grant_types_supported"] = new[] { "authorization_code", "client_credentials" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["response_types_supported"] = new[] { "code" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[]
            {
                "openid", "fhirUser", "launch", "launch/patient",
                "patient/*.rs", "user/*.rs", "system/*.rs",
                "patient/Patient.rs", "patient/MedicationStatement.rs", "patient/Medication.rs",
                "patient/AllergyIntolerance.rs", "patient/Condition.rs",
                "user/AuditEvent.rs", "system/AuditEvent.rs",
                "patient/*.read", "user/*.read", "system/*.read",
            },
            ["capabilities"] = DevIssuerEnabled ? DevIssuerCapabilities : ResourceServerCapabilities,
        };
    }
}
