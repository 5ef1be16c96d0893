using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>HTTP surface of the development issuer under <c>/dev-auth</c>: JWKS, token, authorize (with patient picker).</summary>
public static class DevAuthorizationEndpoints
{
    public static IEndpointRouteBuilder MapDevAuthorizationServer(this IEndpointRouteBuilder endpoints)
    {
        // The issuer is how a client gets a token, so it answers without one.
        var group = endpoints.MapGroup(SmartEndpoints.DevIssuerPath).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous);
        group.MapGet("/jwks.json", (DevSigningKey key) => Results.Json(new { keys = new[] { key.PublicJwk } }));
        group.MapPost("/token", TokenAsync).DisableAntiforgery();
        group.MapGet("/authorize", Authorize);
        group.MapPost("/authorize", ApproveAsync).DisableAntiforgery();
        return endpoints;
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
                    return OAuthError("invalid_scope", "A requested scope is not allowed for this client.");
                }

                return TokenResponse(server.IssueToken(issuer, audience, client, scopes, patient: null), scopes, server.Options.TokenLifetimeMinutes, null);
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

                return TokenResponse(server.IssueToken(issuer, pending.Audience, client, pending.Scopes, pending.Patient), pending.Scopes, server.Options.TokenLifetimeMinutes, pending.Patient);
            }

            default:
                return OAuthError("unsupported_grant_type", "Supported: client_credentials, authorization_code.");
        }
    }

    private static IResult Authorize(HttpRequest request, DevAuthorizationServer server, SmartEndpoints smart)
    {
        var query = request.Query;
        var problem = CheckAuthorizeRequest(query["response_type"], query["client_id"], query["redirect_uri"], query["code_challenge"], query["code_challenge_method"], query["aud"], query["scope"], server, smart);
        if (problem is not null)
        {
            return problem;
        }

        var html = new StringBuilder();
        var e = HtmlEncoder.Default;
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>FhirFacade DEVELOPMENT authorization</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}.warn{background:#fee;border:2px solid #c00;padding:.5em}</style></head><body>")
            .Append("<p class=\"warn\"><strong>DEVELOPMENT ONLY.</strong> This built-in authorization server is for local use and tests. Production uses a real SMART issuer.</p>")
            .Append("<h1>Authorize ").Append(e.Encode(query["client_id"].ToString())).Append("</h1>")
            .Append("<p>Scopes: <code>").Append(e.Encode(query["scope"].ToString())).Append("</code></p>")
            .Append("<form method=\"post\">");
        foreach (var name in new[] { "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "aud", "response_type" })
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(e.Encode(query[name].ToString())).Append("\">");
        }

        if (query["scope"].ToString().Split(' ').Contains("launch/patient"))
        {
            html.Append("<fieldset><legend>Choose the patient for this launch</legend>");
            foreach (var patient in server.Options.Patients)
            {
                html.Append("<label><input type=\"radio\" name=\"patient\" required value=\"").Append(e.Encode(patient.Id)).Append("\"> ")
                    .Append(e.Encode(patient.Label)).Append("</label><br>");
            }

            html.Append("</fieldset>");
        }

        html.Append("<button type=\"submit\">Approve</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ApproveAsync(HttpRequest request, DevAuthorizationServer server, SmartEndpoints smart, FormBodyReader forms)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Expected a form post.");
        }

        var form = await forms.ReadFormAsync(request, "The authorization form", request.HttpContext.RequestAborted);
        var problem = CheckAuthorizeRequest(form["response_type"], form["client_id"], form["redirect_uri"], form["code_challenge"], form["code_challenge_method"], form["aud"], form["scope"], server, smart);
        if (problem is not null)
        {
            return problem;
        }

        var client = server.FindClient(form["client_id"])!;
        var scopes = DevAuthorizationServer.GrantScopes(client, form["scope"])!;
        string? patient = null;
        if (scopes.Contains("launch/patient"))
        {
            patient = form["patient"].ToString();
            if (!server.Options.Patients.Any(p => p.Id == patient))
            {
                return OAuthError("invalid_request", "Choose one of the offered patients.");
            }
        }

        var code = server.CreateCode(client, form["redirect_uri"].ToString(), scopes, form["code_challenge"].ToString(), patient, form["aud"].ToString());
        var redirect = $"{form["redirect_uri"]}{(form["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(form["state"].ToString())}";
        return Results.Redirect(redirect);
    }

    private static IResult? CheckAuthorizeRequest(
        string? responseType, string? clientId, string? redirectUri, string? challenge, string? challengeMethod, string? audience, string? scope,
        DevAuthorizationServer server, SmartEndpoints smart)
    {
        var client = server.FindClient(clientId);
        if (client is null || redirectUri is null || !client.RedirectUris.Contains(redirectUri))
        {
            // Never redirect to an unregistered URI: answer here.
            return OAuthError("invalid_request", "Unknown client or unregistered redirect_uri.");
        }

        if (responseType != "code")
        {
            return OAuthError("unsupported_response_type", "Only response_type=code is supported.");
        }

        if (string.IsNullOrEmpty(challenge) || challengeMethod != "S256")
        {
            return OAuthError("invalid_request", "PKCE with code_challenge_method=S256 is required.");
        }

        if (audience != smart.Audience)
        {
            return OAuthError("invalid_request", "aud must be this server's FHIR base URL.");
        }

        return DevAuthorizationServer.GrantScopes(client, scope) is null ? OAuthError("invalid_scope", "A requested scope is not allowed for this client.") : null;
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

    private static IResult TokenResponse(string token, IReadOnlyList<string> scopes, int lifetimeMinutes, string? patient)
    {
        var body = new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetimeMinutes * 60,
            ["scope"] = string.Join(' ', scopes),
        };
        if (patient is not null)
        {
            body["patient"] = patient;
        }

        return Results.Json(body, statusCode: StatusCodes.Status200OK);
    }

    private static IResult OAuthError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
