using System.Security.Cryptography;
using FhirFacade.Server.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// The development issuer's RSA signing key, made fresh for each process (tokens die with a
/// restart). Also the server's key source when the development issuer is on.
/// </summary>
public sealed class DevSigningKey : ISigningKeySource, IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly IReadOnlyList<SecurityKey> _publicKeys;

    public DevSigningKey()
    {
        _key = new RsaSecurityKey(_rsa);
        _key.KeyId = Base64UrlEncoder.Encode(_key.ComputeJwkThumbprint())[..16];
        var publicKey = new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _key.KeyId };
        _publicKeys = [publicKey];
        PublicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
        PublicJwk.Use = "sig";
        PublicJwk.Alg = SecurityAlgorithms.RsaSha256;
    }

    /// <summary>The key id (<c>kid</c>).</summary>
    public string KeyId => _key.KeyId;

    /// <summary>The public key as a JWK, for the JWKS endpoint.</summary>
    public JsonWebKey PublicJwk { get; }

    /// <summary>Signs a token (RS256).</summary>
    public string Sign(SecurityTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        descriptor.SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(_publicKeys);

    public void Dispose() => _rsa.Dispose();
}
