using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FhirFacade.Server.DevAuthorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// Tokens for the in-memory server (base address http://localhost): good ones from the development
/// issuer's own key, and the deliberately bad ones of the token matrix.
/// </summary>
internal sealed class SecurityTokens(IServiceProvider services)
{
    public const string Issuer = "http://localhost/dev-auth";
    public const string Audience = "http://localhost/fhir";

    private DevSigningKey Key => services.GetRequiredService<DevSigningKey>();

    private DevAuthorizationServer Server => services.GetRequiredService<DevAuthorizationServer>();

    /// <summary>A user-level token (no patient context) with the given scopes.</summary>
    public string User(string scopes = "user/*.rs") =>
        Server.IssueToken(Issuer, Audience, Client("demo-client"), scopes.Split(' '), patient: null);

    /// <summary>A user-level token of the clinician client on behalf of another requesting organisation (or none).</summary>
    public string UserOf(string? organisationOds, string scopes = "user/*.rs")
    {
        var clinician = Client("demo-client");
        var client = new DevClient { ClientId = clinician.ClientId, FhirUser = clinician.FhirUser, OrganisationOds = organisationOds };
        return Server.IssueToken(Issuer, Audience, client, scopes.Split(' '), patient: null);
    }

    /// <summary>A patient-context token, as a SMART standalone launch would give.</summary>
    public string ForPatient(string patientId, string scopes = "launch/patient patient/*.rs") =>
        Server.IssueToken(Issuer, Audience, Client("demo-app"), scopes.Split(' '), patientId);

    public string Custom(DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string issuer = Issuer, string audience = Audience, SigningCredentials? credentials = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddMinutes(30)).UtcDateTime,
            Claims = new Dictionary<string, object> { ["client_id"] = "demo-client", ["scope"] = "user/*.rs" },
        };
        if (credentials is null)
        {
            return Key.Sign(descriptor);
        }

        descriptor.SigningCredentials = credentials;
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// A token signed with the development issuer's key whose <c>exp</c> (and <c>nbf</c>) are exactly the
    /// given values, however far out of range: no defaults are filled in around them.
    /// </summary>
    public string WithLifetimeClaims(object exp, object? nbf = null)
    {
        var claims = new Dictionary<string, object> { ["client_id"] = "demo-client", ["scope"] = "user/*.rs", ["exp"] = exp };
        if (nbf is not null)
        {
            claims["nbf"] = nbf;
        }

        return Key.Sign(new SecurityTokenDescriptor { Issuer = Issuer, Audience = Audience, Claims = claims });
    }

    public string UnknownKid()
    {
        using var rsa = RSA.Create(2048);
        return Custom(credentials: new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "not-a-known-kid" }, SecurityAlgorithms.RsaSha256));
    }

    public string OtherKeySameKid()
    {
        using var rsa = RSA.Create(2048);
        return Custom(credentials: new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = Key.KeyId }, SecurityAlgorithms.RsaSha256));
    }

    public string AlgNone() => $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Payload()}.";

    /// <summary>HS256 with the server's public key material as the HMAC secret (key-confusion attack).</summary>
    public string Hs256WithPublicKey()
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","typ":"JWT","kid":"{{Key.KeyId}}"}""");
        var input = $"{header}.{Payload()}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key.PublicJwk.N), Encoding.ASCII.GetBytes(input));
        return $"{input}.{Base64UrlEncoder.Encode(signature)}";
    }

    public static string Tampered(string token) =>
        string.Concat(token.AsSpan(0, token.Length - 2), token[^2] == 'A' ? "B" : "A", token[^1].ToString());

    public static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private DevClient Client(string id) => services.GetRequiredService<IOptions<DevAuthorizationOptions>>().Value.Clients.Single(c => c.ClientId == id);

    private static string Payload() => Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["client_id"] = "demo-client",
        ["scope"] = "user/*.rs",
        ["exp"] = TimeProvider.System.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds(),
    }));
}
