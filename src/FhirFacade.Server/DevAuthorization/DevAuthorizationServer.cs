using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// The DEVELOPMENT OAuth 2 authorization server: <c>client_credentials</c>, and
/// <c>authorization_code</c> with PKCE (S256 only) for a standalone launch (patient picker) or an EHR
/// launch (a launch id this issuer created, bound to a client and a patient). With <c>openid</c> it also
/// issues an OpenID Connect <c>id_token</c>. Codes live in memory for 2 minutes and launch ids for 10;
/// both are single-use. Not for production.
/// </summary>
public sealed class DevAuthorizationServer(IOptions<DevAuthorizationOptions> options, DevSigningKey key, TimeProvider timeProvider)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LaunchLifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingLaunch> _launches = new(StringComparer.Ordinal);

    public DevAuthorizationOptions Options => options.Value;

    /// <summary>Finds a registered client.</summary>
    public DevClient? FindClient(string? clientId) =>
        clientId is null ? null : options.Value.Clients.FirstOrDefault(c => c.ClientId == clientId);

    /// <summary>Checks a client's credentials (a public client has no secret and must not send one).</summary>
    public DevClient? Authenticate(string? clientId, string? clientSecret)
    {
        var client = FindClient(clientId);
        if (client is null)
        {
            return null;
        }

        if (client.ClientSecret is null)
        {
            return string.IsNullOrEmpty(clientSecret) ? client : null;
        }

        return clientSecret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(clientSecret))
            ? client
            : null;
    }

    /// <summary>
    /// The scopes to grant: every requested one must be allowed; a request naming none gets the client's
    /// configured <see cref="DevClient.DefaultScopes"/>, never everything it is allowed. <see langword="null"/>
    /// when a scope is not allowed, or none was asked for and the client has no default.
    /// </summary>
    public static IReadOnlyList<string>? GrantScopes(DevClient client, string? requested)
    {
        ArgumentNullException.ThrowIfNull(client);
        var scopes = (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0)
        {
            return client.DefaultScopes.Count == 0 ? null : [.. client.DefaultScopes];
        }

        return scopes.All(s => client.AllowedScopes.Contains(s)) ? scopes : null;
    }

    /// <summary>Issues a signed access token.</summary>
    public string IssueToken(string issuer, string audience, DevClient client, IReadOnlyList<string> scopes, string? patient)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = timeProvider.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["client_id"] = client.ClientId,
            ["sub"] = Subject(client),
            ["scope"] = string.Join(' ', scopes),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (patient is not null)
        {
            claims["patient"] = patient;
        }

        if (client.FhirUser is not null)
        {
            claims["fhirUser"] = client.FhirUser;
        }

        if (client.OrganisationOds is not null)
        {
            claims["organization"] = client.OrganisationOds;
        }

        return key.Sign(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(options.Value.TokenLifetimeMinutes).UtcDateTime,
            Claims = claims,
        });
    }

    /// <summary>
    /// Issues an OpenID Connect id token (RS256, this issuer's key): <c>iss</c>, <c>sub</c> (the same user as
    /// the access token's), <c>aud</c> = the client id, <c>iat</c>, <c>exp</c>, <c>fhirUser</c> when that scope
    /// was granted and the client names a user, <c>nonce</c> when the authorization request carried one.
    /// </summary>
    public string IssueIdToken(string issuer, DevClient client, IReadOnlyList<string> scopes, string? nonce)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scopes);
        var now = timeProvider.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = Subject(client) };
        if (scopes.Contains(DevScopes.FhirUser) && client.FhirUser is not null)
        {
            claims["fhirUser"] = client.FhirUser;
        }

        if (!string.IsNullOrEmpty(nonce))
        {
            claims["nonce"] = nonce;
        }

        return key.Sign(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = client.ClientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(options.Value.TokenLifetimeMinutes).UtcDateTime,
            Claims = claims,
        });
    }

    /// <summary>Creates an EHR launch id: an opaque handle on (client, patient) for the client's authorization request.</summary>
    public string CreateLaunch(DevClient client, DevPatientChoice patient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(patient);
        var launch = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _launches[launch] = new PendingLaunch(client.ClientId, patient.Id, timeProvider.GetUtcNow() + LaunchLifetime);
        return launch;
    }

    /// <summary>The launch with this id for this client, while it lasts; <see langword="null"/> otherwise (the id stays usable).</summary>
    public PendingLaunch? FindLaunch(string? launch, string clientId) =>
        launch is not null && _launches.TryGetValue(launch, out var pending) && pending.ClientId == clientId && pending.ExpiresAt > timeProvider.GetUtcNow()
            ? pending
            : null;

    /// <summary>Uses up a launch id when its authorization is approved; <see langword="null"/> when it is unknown, another client's, used or expired.</summary>
    public PendingLaunch? TakeLaunch(string? launch, string clientId)
    {
        if (launch is null || !_launches.TryRemove(launch, out var pending))
        {
            return null;
        }

        return pending.ClientId == clientId && pending.ExpiresAt > timeProvider.GetUtcNow() ? pending : null;
    }

    /// <summary>Creates a single-use authorization code for an approved launch.</summary>
    public string CreateCode(DevClient client, string redirectUri, IReadOnlyList<string> scopes, string codeChallenge, string? patient, string audience, string? nonce = null, bool ehrLaunch = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(client.ClientId, redirectUri, scopes, codeChallenge, patient, audience, timeProvider.GetUtcNow() + CodeLifetime)
        {
            Nonce = string.IsNullOrEmpty(nonce) ? null : nonce,
            EhrLaunch = ehrLaunch,
        };
        return code;
    }

    /// <summary>Redeems a code: client, redirect URI and PKCE verifier must match; the code is gone afterwards.</summary>
    public PendingCode? RedeemCode(string code, string clientId, string? redirectUri, string? codeVerifier)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!_codes.TryRemove(code, out var pending) || pending.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return null;
        }

        if (pending.ClientId != clientId || pending.RedirectUri != redirectUri || codeVerifier is null)
        {
            return null;
        }

        var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(pending.CodeChallenge)) ? pending : null;
    }

    // The user the tokens speak for: the client's configured user, else the client itself.
    private static string Subject(DevClient client) => client.FhirUser ?? client.ClientId;

    /// <summary>An authorization code waiting to be redeemed.</summary>
    public sealed record PendingCode(string ClientId, string RedirectUri, IReadOnlyList<string> Scopes, string CodeChallenge, string? Patient, string Audience, DateTimeOffset ExpiresAt)
    {
        /// <summary>The authorization request's <c>nonce</c>, for the id token.</summary>
        public string? Nonce { get; init; }

        /// <summary>The code comes from an EHR launch: the EHR shows the patient, so <c>need_patient_banner</c> is false.</summary>
        public bool EhrLaunch { get; init; }
    }

    /// <summary>An EHR launch waiting for its client's authorization request.</summary>
    public sealed record PendingLaunch(string ClientId, string Patient, DateTimeOffset ExpiresAt);
}
