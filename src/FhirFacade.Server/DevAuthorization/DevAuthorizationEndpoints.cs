using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// HTTP surface of the development issuer under <c>/dev-auth</c>: JWKS, OpenID configuration, token,
/// authorize (approval page with the patient picker of a standalone launch) and the EHR launch page.
/// </summary>
public static class DevAuthorizationEndpoints
{
    /// <summary>Where OpenID Connect discovery finds the issuer's configuration (appended to the issuer URL).</summary>
    public const string OpenIdConfigurationPath = "/.well-known/openid-configuration";

    private const string Page = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>FhirFacade DEVELOPMENT authorization</title>"
        + "<style>body{font-family:sans-serif;max-width:52em;margin:2em auto;padding:0 1em}.warn{background:#fee;border:2px solid #c00;padding:.5em}label{display:block;margin:.4em 0}</style></head><body>"
        + "<p class=\"warn\"><strong>DEVELOPMENT ONLY.</strong> This built-in authorization server is for local use and tests. Production uses a real SMART issuer.</p>";

    // The authorization request's parameters, carried from the approval page to its form post.
    private static readonly string[] AuthorizeParameters = ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "aud", "launch", "nonce"];

    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] ResponseModes = ["query"];
    private static readonly string[] GrantTypes = ["authorization_code", "client_credentials"];
    private static readonly string[] SubjectTypes = ["public"];
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] ClientAuthentications = ["client_secret_basic", "client_secret_post", "none"];
    private static readonly string[] ChallengeMethods = ["S256"];
    private static readonly string[] Claims = ["iss", "sub", "aud", "exp", "iat", "nonce", "fhirUser"];

    public static IEndpointRouteBuilder MapDevAuthorizationServer(this IEndpointRouteBuilder endpoints)
    {
        // The issuer is how a client gets a token, so it answers without one. Every GET answers HEAD too (its pages only render).
        var group = endpoints.MapGroup(SmartEndpoints.DevIssuerPath).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous);
        group.MapMethods("/jwks.json", FhirEndpoints.ReadMethods, (DevSigningKey key) => Results.Json(new { keys = new[] { key.PublicJwk } }));
        group.MapMethods(OpenIdConfigurationPath, FhirEndpoints.ReadMethods, OpenIdConfiguration).DisableRateLimiting();
        group.MapPost("/token", TokenAsync).DisableAntiforgery();
        group.MapMethods("/authorize", FhirEndpoints.ReadMethods, Authorize);
        group.MapPost("/authorize", ApproveAsync).DisableAntiforgery();
        group.MapMethods("/launch", FhirEndpoints.ReadMethods, LaunchPage);
        group.MapPost("/launch", LaunchAsync).DisableAntiforgery();

        // OpenID Connect discovery appends the path to the issuer URL ({root}/dev-auth); some clients look at the root.
        endpoints.MapMethods(OpenIdConfigurationPath, FhirEndpoints.ReadMethods, OpenIdConfiguration).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();
        return endpoints;
    }

    /// <summary>OpenID Connect discovery (<see href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata"/>).</summary>
    private static IResult OpenIdConfiguration(DevAuthorizationServer server, SmartEndpoints smart)
    {
        var issuer = smart.ExpectedIssuer;
        return Results.Json(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = smart.AuthorizationEndpoint,
            ["token_endpoint"] = smart.TokenEndpoint,
            ["jwks_uri"] = issuer + "/jwks.json",
            ["response_types_supported"] = ResponseTypes,
            ["response_modes_supported"] = ResponseModes,
            ["grant_types_supported"] = GrantTypes,
            ["subject_types_supported"] = SubjectTypes,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["token_endpoint_auth_methods_supported"] = ClientAuthentications,
            ["code_challenge_methods_supported"] = ChallengeMethods,
            ["scopes_supported"] = server.Options.Clients.SelectMany(c => c.AllowedScopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ["claims_supported"] = Claims,
        });
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, DevAuthorizationServer server, SmartEndpoints smart, FormBodyReader forms)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }

        var form = await forms.ReadFormAsync(request, "The token request", request.HttpContext.RequestAborted);
        var (clientId, clientSecret) = ClientCredentials(request, form);
        // Both from configuration: whatever Host the request names, the token is for this server alone.
        var issuer = smart.ExpectedIssuer;
        var audience = smart.Audience;

        switch (form["grant_type"].ToString())
        {
            case "client_credentials":
            {
                var client = server.Authenticate(clientId, clientSecret);
                if (client?.ClientSecret is null)
                {
                    return OAuthError("invalid_client", "Unknown client or wrong secret.", StatusCodes.Status401Unauthorized);
                }

                var scopes = DevAuthorizationServer.GrantScopes(client, form["scope"]);
                if (scopes is null)
                {
                    return ScopeRefused();
                }

                var body = TokenBody(server.IssueToken(issuer, audience, client, scopes, patient: null), scopes, server.Options.TokenLifetimeMinutes);
                return Results.Json(body);
            }

            case "authorization_code":
            {
                var client = server.Authenticate(clientId, clientSecret);
                if (client is null)
                {
                    return OAuthError("invalid_client", "Unknown client or wrong secret.", StatusCodes.Status401Unauthorized);
                }

                var pending = server.RedeemCode(form["code"].ToString(), client.ClientId, form["redirect_uri"], form["code_verifier"]);
                if (pending is null)
                {
                    return OAuthError("invalid_grant", "The code is unknown, used, expired, or the redirect URI or PKCE verifier does not match.");
                }

                var body = TokenBody(server.IssueToken(issuer, pending.Audience, client, pending.Scopes, pending.Patient), pending.Scopes, server.Options.TokenLifetimeMinutes);
                if (pending.Patient is not null)
                {
                    body["patient"] = pending.Patient;
                }

                // SMART context: an EHR shows its own patient banner around an app it launched; a standalone app must show one.
                body["need_patient_banner"] = !pending.EhrLaunch;
                if (pending.Scopes.Contains(DevScopes.OpenId))
                {
                    body["id_token"] = server.IssueIdToken(issuer, client, pending.Scopes, pending.Nonce);
                }

                return Results.Json(body);
            }

            default:
                return OAuthError("unsupported_grant_type", "Supported: client_credentials, authorization_code.");
        }
    }

    private static IResult Authorize(HttpRequest request, DevAuthorizationServer server, SmartEndpoints smart, DevPatientPicker picker)
    {
        var query = request.Query;
        var (authorization, problem) = CheckAuthorizeRequest(name => query[name].ToString(), server, smart);
        if (authorization is null)
        {
            return problem!;
        }

        var e = HtmlEncoder.Default;
        var html = new StringBuilder(Page)
            .Append("<h1>Authorize ").Append(e.Encode(authorization.Client.ClientId)).Append("</h1>")
            .Append("<p>Scopes: <code id=\"scopes\">").Append(e.Encode(string.Join(' ', authorization.Scopes))).Append("</code></p>")
            .Append("<form method=\"post\">");
        foreach (var name in AuthorizeParameters)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(e.Encode(query[name].ToString())).Append("\">");
        }

        if (authorization.Launch is { } launch)
        {
            html.Append("<p id=\"launch-patient\">EHR launch for ").Append(e.Encode(picker.Find(launch.Patient)?.Label ?? "the patient of the launch")).Append("</p>");
        }
        else if (authorization.Scopes.Contains(DevScopes.LaunchPatient))
        {
            html.Append("<fieldset id=\"picker\"><legend>Choose the patient for this launch</legend>");
            foreach (var patient in picker.Choices)
            {
                html.Append("<label><input type=\"radio\" name=\"patient\" required value=\"").Append(e.Encode(patient.Id))
                    .Append("\" data-nhs-number=\"").Append(e.Encode(patient.NhsNumber ?? string.Empty))
                    .Append("\" data-ods=\"").Append(e.Encode(patient.OrganisationOds ?? string.Empty)).Append("\"> ")
                    .Append(e.Encode(patient.Label)).Append("</label>");
            }

            html.Append("</fieldset>");
        }

        html.Append("<button type=\"submit\">Approve</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ApproveAsync(HttpRequest request, DevAuthorizationServer server, SmartEndpoints smart, DevPatientPicker picker, FormBodyReader forms)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Expected a form post.");
        }

        var form = await forms.ReadFormAsync(request, "The authorization form", request.HttpContext.RequestAborted);
        var (authorization, problem) = CheckAuthorizeRequest(name => form[name].ToString(), server, smart);
        if (authorization is null)
        {
            return problem!;
        }

        string? patient = null;
        if (authorization.Launch is not null)
        {
            // Used up here, so that one launch of the EHR authorizes one app session.
            patient = server.TakeLaunch(form["launch"], authorization.Client.ClientId)?.Patient;
            if (patient is null)
            {
                return OAuthError("invalid_request", "The launch id is unknown, used, expired, or was made for another client.");
            }
        }
        else if (authorization.Scopes.Contains(DevScopes.LaunchPatient))
        {
            patient = picker.Find(form["patient"])?.Id;
            if (patient is null)
            {
                return OAuthError("invalid_request", "Choose one of the offered patients.");
            }
        }

        var code = server.CreateCode(authorization.Client, authorization.RedirectUri, authorization.Scopes, authorization.Challenge, patient, authorization.Audience, form["nonce"], ehrLaunch: authorization.Launch is not null);
        var separator = authorization.RedirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{authorization.RedirectUri}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(form["state"].ToString())}");
    }

    private static IResult LaunchPage(DevAuthorizationServer server, DevPatientPicker picker)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder(Page).Append("<h1>EHR launch</h1>")
            .Append("<p>Plays the part of an EHR: choose an app and the patient open in the EHR; the app is opened with <code>iss</code> and a <code>launch</code> id that carries the patient.</p>");
        var apps = server.Options.Clients.Where(c => c.LaunchUrl is not null).ToList();
        if (apps.Count == 0)
        {
            return Results.Content(html.Append("<p>No client has a LaunchUrl configured (DevAuthorization:Clients).</p></body></html>").ToString(), "text/html; charset=utf-8");
        }

        html.Append("<form method=\"post\"><fieldset id=\"apps\"><legend>App</legend>");
        foreach (var app in apps)
        {
            html.Append("<label><input type=\"radio\" name=\"client_id\" required value=\"").Append(e.Encode(app.ClientId)).Append("\"> ")
                .Append(e.Encode(app.ClientId)).Append(" (").Append(e.Encode(app.LaunchUrl!)).Append(")</label>");
        }

        html.Append("</fieldset><fieldset id=\"picker\"><legend>Patient</legend>");
        foreach (var patient in picker.Choices)
        {
            html.Append("<label><input type=\"radio\" name=\"patient\" required value=\"").Append(e.Encode(patient.Id))
                .Append("\" data-nhs-number=\"").Append(e.Encode(patient.NhsNumber ?? string.Empty)).Append("\"> ")
                .Append(e.Encode(patient.Label)).Append("</label>");
        }

        return Results.Content(html.Append("</fieldset><button type=\"submit\">Launch</button></form></body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> LaunchAsync(HttpRequest request, DevAuthorizationServer server, SmartEndpoints smart, DevPatientPicker picker, FormBodyReader forms)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Expected a form post.");
        }

        var form = await forms.ReadFormAsync(request, "The launch form", request.HttpContext.RequestAborted);
        var client = server.FindClient(form["client_id"]);
        if (client?.LaunchUrl is null)
        {
            return OAuthError("invalid_request", "Unknown client, or one with no LaunchUrl.");
        }

        var patient = picker.Find(form["patient"]);
        if (patient is null)
        {
            return OAuthError("invalid_request", "Choose one of the offered patients.");
        }

        var launch = server.CreateLaunch(client, patient);
        var target = client.LaunchUrl.StartsWith('/') ? smart.ExpectedIssuer[..^SmartEndpoints.DevIssuerPath.Length] + client.LaunchUrl : client.LaunchUrl;
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{target}{separator}iss={Uri.EscapeDataString(smart.Audience)}&launch={Uri.EscapeDataString(launch)}");
    }

    /// <summary>
    /// Checks an authorization request, in this order: the client and its redirect URI (a problem there is
    /// answered here, never redirected to), the response type, PKCE, the audience, the scopes (the client's
    /// defaults when none are named), and the EHR launch (<c>launch</c> parameter and <c>launch</c> scope together).
    /// </summary>
    private static (AuthorizeRequest? Request, IResult? Problem) CheckAuthorizeRequest(Func<string, string> parameter, DevAuthorizationServer server, SmartEndpoints smart)
    {
        var client = server.FindClient(parameter("client_id"));
        var redirectUri = parameter("redirect_uri");
        if (client is null || !DevRedirectUris.Accepts(client, redirectUri))
        {
            return (null, OAuthError("invalid_request", "Unknown client, or a redirect_uri not registered for it."));
        }

        if (parameter("response_type") != "code")
        {
            return (null, OAuthError("unsupported_response_type", "Only response_type=code is supported."));
        }

        var challenge = parameter("code_challenge");
        if (string.IsNullOrEmpty(challenge) || parameter("code_challenge_method") != "S256")
        {
            return (null, OAuthError("invalid_request", "PKCE with code_challenge_method=S256 is required."));
        }

        var audience = parameter("aud");
        if (audience != smart.Audience)
        {
            return (null, OAuthError("invalid_request", "aud must be this server's FHIR base URL."));
        }

        var scopes = DevAuthorizationServer.GrantScopes(client, parameter("scope"));
        if (scopes is null)
        {
            return (null, ScopeRefused());
        }

        var launchId = parameter("launch");
        DevAuthorizationServer.PendingLaunch? launch = null;
        if (launchId.Length > 0)
        {
            if (!scopes.Contains(DevScopes.Launch))
            {
                return (null, OAuthError("invalid_scope", "An EHR launch (the launch parameter) needs the launch scope."));
            }

            launch = server.FindLaunch(launchId, client.ClientId);
            if (launch is null)
            {
                return (null, OAuthError("invalid_request", "The launch id is unknown, used, expired, or was made for another client."));
            }
        }
        else if (scopes.Contains(DevScopes.Launch))
        {
            return (null, OAuthError("invalid_request", "The launch scope needs the launch parameter of an EHR launch; a standalone launch asks for launch/patient."));
        }

        return (new AuthorizeRequest(client, redirectUri, scopes, challenge, audience, launch), null);
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString() is { Length: > 0 } id ? id : null, form["client_secret"].ToString() is { Length: > 0 } secret ? secret : null);
    }

    private static Dictionary<string, object> TokenBody(string token, IReadOnlyList<string> scopes, int lifetimeMinutes) => new(StringComparer.Ordinal)
    {
        ["access_token"] = token,
        ["token_type"] = "Bearer",
        ["expires_in"] = lifetimeMinutes * 60,
        ["scope"] = string.Join(' ', scopes),
    };

    private static IResult ScopeRefused() =>
        OAuthError("invalid_scope", "A requested scope is not allowed for this client, or no scope was requested and the client has no default scopes.");

    private static IResult OAuthError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    /// <summary>An authorization request that passed every check.</summary>
    private sealed record AuthorizeRequest(DevClient Client, string RedirectUri, IReadOnlyList<string> Scopes, string Challenge, string Audience, DevAuthorizationServer.PendingLaunch? Launch);
}
