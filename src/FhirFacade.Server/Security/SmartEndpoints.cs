using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Security;

/// <summary>
/// The absolute URLs of this server's SMART surface, derived from configuration or, when not
/// configured, from the request (so the embedded default works on whatever loopback port it gets).
/// </summary>
public sealed class SmartEndpoints(IOptions<SmartOptions> options, string fhirBasePath, bool devIssuerEnabled)
{
    /// <summary>The development issuer's path, relative to the host root.</summary>
    public const string DevIssuerPath = "/dev-auth";

    /// <summary>The FHIR base path, e.g. <c>/fhir</c>.</summary>
    public string FhirBasePath { get; } = fhirBasePath.TrimEnd('/');

    /// <summary><see langword="true"/> when the built-in development issuer is on.</summary>
    public bool DevIssuerEnabled { get; } = devIssuerEnabled;

    /// <summary>The server root of this request: <c>{scheme}://{host}{pathBase}</c>.</summary>
    public static string RootUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>This server's FHIR base URL, the token audience.</summary>
    public string FhirBaseUrl(HttpRequest request) => options.Value.Audience ?? RootUrl(request) + FhirBasePath;

    /// <summary>The issuer tokens must come from.</summary>
    public string ExpectedIssuer(HttpRequest request) =>
        options.Value.Issuer ?? (DevIssuerEnabled
            ? RootUrl(request) + DevIssuerPath
            : throw new InvalidOperationException("Smart:Issuer is not configured."));

    /// <summary>The OAuth authorization endpoint (configured, or the issuer's <c>/authorize</c>).</summary>
    public string AuthorizationEndpoint(HttpRequest request) => options.Value.AuthorizationEndpoint?.AbsoluteUri ?? ExpectedIssuer(request) + "/authorize";

    /// <summary>The OAuth token endpoint (configured, or the issuer's <c>/token</c>).</summary>
    public string TokenEndpoint(HttpRequest request) => options.Value.TokenEndpoint?.AbsoluteUri ?? ExpectedIssuer(request) + "/token";

    /// <summary>The document served at <c>/.well-known/smart-configuration</c> (SMART App Launch v2).</summary>
    public Dictionary<string, object> Configuration(HttpRequest request)
    {
        var issuer = ExpectedIssuer(request);
        var value = options.Value;
        var document = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = value.JwksUrl?.AbsoluteUri ?? issuer + "/jwks.json",
            ["authorization_endpoint"] = AuthorizationEndpoint(request),
            ["token_endpoint"] = TokenEndpoint(request),
            ["grant_types_supported"] = new[] { "authorization_code", "client_credentials" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["response_types_supported"] = new[] { "code" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[]
            {
                "openid", "fhirUser", "launch/patient",
                "patient/*.rs", "user/*.rs", "system/*.rs",
                "patient/Patient.rs", "patient/MedicationStatement.rs", "patient/Medication.rs",
                "patient/AllergyIntolerance.rs", "patient/Condition.rs",
                "user/AuditEvent.rs", "system/AuditEvent.rs",
                "patient/*.read", "user/*.read", "system/*.read",
            },
            ["capabilities"] = new[]
            {
                "launch-standalone", "client-public", "client-confidential-symmetric",
                "context-standalone-patient", "permission-patient", "permission-user", "permission-v1", "permission-v2",
            },
        };
        return document;
    }
}
