using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// A SMART app's side of the development issuer over HTTP (no redirects followed, no token sent):
/// the authorization request, the approval form as a browser posts it, the code exchange with PKCE,
/// the EHR launch page. Each instance has its own PKCE verifier.
/// </summary>
internal sealed partial class DevIssuerClient : IDisposable
{
    public const string Issuer = "http://localhost/dev-auth";
    public const string Audience = FacadeServerFactory.PublicBaseUrl;
    public const string Viewer = "fhirfacade-viewer";
    public const string ViewerRedirect = "http://127.0.0.1:5080/viewer/";

    private readonly HttpClient _http;

    public DevIssuerClient(FacadeServerFactory factory)
    {
        _http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _http.DefaultRequestHeaders.Authorization = null;
    }

    public HttpClient Http => _http;

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>An authorization request's parameters; a <see langword="null"/> scope is left out of the request.</summary>
    public Dictionary<string, string> Request(string clientId, string redirectUri, string? scope, string? launch = null, string? nonce = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["state"] = "state-" + clientId,
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
            ["aud"] = Audience,
        };
        if (scope is not null)
        {
            parameters["scope"] = scope;
        }

        if (launch is not null)
        {
            parameters["launch"] = launch;
        }

        if (nonce is not null)
        {
            parameters["nonce"] = nonce;
        }

        return parameters;
    }

    public Task<HttpResponseMessage> AuthorizeAsync(IReadOnlyDictionary<string, string> parameters) =>
        _http.GetAsync(new Uri("/dev-auth/authorize?" + string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")), UriKind.Relative));

    /// <summary>Posts the approval form (the request's parameters and, for a standalone launch, the patient picked).</summary>
    public Task<HttpResponseMessage> ApproveAsync(IReadOnlyDictionary<string, string> parameters, string? patient = null)
    {
        var form = new Dictionary<string, string>(parameters);
        if (patient is not null)
        {
            form["patient"] = patient;
        }

        return _http.PostAsync(new Uri("/dev-auth/authorize", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>Exchanges a code (public client: no secret) and returns the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string clientId, string code, string redirectUri)
    {
        using var response = await _http.PostAsync(new Uri("/dev-auth/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = Verifier,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ClientCredentialsAsync(string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await _http.PostAsync(new Uri("/dev-auth/token", UriKind.Relative), new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The EHR launch page's form: the app and the patient; answers the redirect to the app.</summary>
    public Task<HttpResponseMessage> LaunchAsync(string clientId, string patient) =>
        _http.PostAsync(new Uri("/dev-auth/launch", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = clientId, ["patient"] = patient }));

    /// <summary>The patients a page offers (authorize picker or launch page), as a browser shows them.</summary>
    public static IReadOnlyList<PickerEntry> Picker(string html) =>
        [.. PickerRadio().Matches(html).Select(m => new PickerEntry(
            WebUtility.HtmlDecode(m.Groups["id"].Value),
            m.Groups["nhs"].Value,
            m.Groups["ods"].Success ? m.Groups["ods"].Value : null,
            WebUtility.HtmlDecode(m.Groups["label"].Value)))];

    /// <summary>One query parameter of a redirect's <c>Location</c>.</summary>
    public static string? QueryValue(Uri location, string name) =>
        location.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)).SingleOrDefault();

    /// <summary>The full standalone or EHR flow up to the token answer: authorize page, approval, code, token.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> LaunchAndRedeemAsync(string clientId, string redirectUri, string? scope, string? patient = null, string? launch = null, string? nonce = null)
    {
        var parameters = Request(clientId, redirectUri, scope, launch, nonce);
        using (var page = await AuthorizeAsync(parameters))
        {
            page.StatusCode.Should().Be(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        }

        using var approval = await ApproveAsync(parameters, patient);
        approval.StatusCode.Should().Be(HttpStatusCode.Redirect, await approval.Content.ReadAsStringAsync());
        var code = QueryValue(approval.Headers.Location!, "code")!;
        return await RedeemAsync(clientId, code, redirectUri);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<input type="radio" name="patient" required value="(?<id>[^"]*)" data-nhs-number="(?<nhs>[^"]*)"(?: data-ods="(?<ods>[^"]*)")?> (?<label>[^<]*)</label>""")]
    private static partial Regex PickerRadio();

    /// <summary>One offered patient.</summary>
    public sealed record PickerEntry(string Id, string NhsNumber, string? Ods, string Label);
}
