using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Tests.Security;

/// <summary>Mints good and deliberately bad tokens for the token matrix.</summary>
internal sealed class TestTokens : IDisposable
{
    public const string Issuer = "https://issuer.test/dev-auth";
    public const string Audience = "https://facade.test/fhir";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);

    public TestTokens(DateTimeOffset now)
    {
        Now = now;
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
        PublicKey = new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "test-key" };
    }

    public DateTimeOffset Now { get; }

    public RsaSecurityKey Key { get; }

    public RsaSecurityKey PublicKey { get; }

    /// <summary>Another key's public half, published under the known kid (a rotated or wrong JWKS entry).</summary>
    public RsaSecurityKey OtherPublicKeySameKid => new(_otherRsa.ExportParameters(false)) { KeyId = "test-key" };

    public string Mint(Action<Dictionary<string, object>>? claims = null, string issuer = Issuer, string audience = Audience, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, SecurityKey? key = null)
    {
        var payload = new Dictionary<string, object>
        {
            ["client_id"] = "test-client",
            ["sub"] = "Practitioner/gp1",
            ["scope"] = "user/*.rs",
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        claims?.Invoke(payload);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = Now.UtcDateTime.AddMinutes(-1),
            NotBefore = (notBefore ?? Now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? Now.AddMinutes(30)).UtcDateTime,
            Claims = payload,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token signed with a key the server does not know (different kid).</summary>
    public string MintWithUnknownKey() => Mint(key: new RsaSecurityKey(_otherRsa) { KeyId = "other-key" });

    /// <summary>A token signed with another key but claiming the known kid.</summary>
    public string MintWithWrongKeySameKid() => Mint(key: new RsaSecurityKey(_otherRsa) { KeyId = "test-key" });

    /// <summary><c>alg: none</c>, no signature.</summary>
    public string MintUnsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{Payload()}.";
    }

    /// <summary>The classic key-confusion attack: HS256 with the server's PUBLIC key as the HMAC secret.</summary>
    public string MintHs256WithPublicKey()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT","kid":"test-key"}""");
        var signingInput = $"{header}.{Payload()}";
        var secret = Encoding.UTF8.GetBytes(JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicKey).N);
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>
    /// A correctly signed RS256 token whose payload is <paramref name="claims"/> written as raw JSON members
    /// (<c>"exp": 1e30</c>), beside good <c>iss</c>, <c>aud</c> and <c>client_id</c>: claims no token library would write.
    /// </summary>
    public string MintRaw(string claims)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"RS256","typ":"JWT","kid":"test-key"}""");
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","client_id":"test-client","scope":"user/*.rs",{{claims}}}""");
        var signingInput = $"{header}.{payload}";
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    public static string Tamper(string token)
    {
        var last = token[^2] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, token.Length - 2), last.ToString(), token[^1].ToString());
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
    }

    private string Payload() => Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["client_id"] = "test-client",
        ["scope"] = "user/*.rs",
        ["exp"] = Now.AddMinutes(30).ToUnixTimeSeconds(),
        ["nbf"] = Now.AddMinutes(-1).ToUnixTimeSeconds(),
    }));
}
