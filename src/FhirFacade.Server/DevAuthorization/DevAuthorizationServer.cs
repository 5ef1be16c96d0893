using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// The DEVELOPMENT OAuth 2 authorization server: <c>client_credentials</c>, and
/// <c>authorization_code</c> with PKCE (S256 only) and a patient picker for standalone launch.
/// Codes live in memory for 2 minutes and are single-use. Not for production.
/// </summary>
public sealed class DevAuthorizationServer(IOptions<DevAuthorizationOptions> options, DevSigningKey key, TimeProvider timeProvider)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);

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

    /// <summary>The scopes to grant: all requested ones must be allowed; none requested grants all allowed.</summary>
    public static IReadOnlyList<string>? GrantScopes(DevClient client, string? requested)
    {
        ArgumentNullException.ThrowIfNull(client);
        var scopes = (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0)
        {
            return [.. client.AllowedScopes];
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
            ["sub"] = client.FhirUser ?? client.ClientId,
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

    /// <summary>Creates a single-use authorization code for an approved launch.</summary>
    public string CreateCode(DevClient client, string redirectUri, IReadOnlyList<string> scopes, string codeChallenge, string? patient, string audience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(client.ClientId, redirectUri, scopes, codeChallenge, patient, audience, timeProvider.GetUtcNow() + CodeLifetime);
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

    /// <summary>An authorization code waiting to be redeemed.</summary>
    public sealed record PendingCode(string ClientId, string RedirectUri, IReadOnlyList<string> Scopes, string CodeChallenge, string? Patient, string Audience, DateTimeOffset ExpiresAt);
}
