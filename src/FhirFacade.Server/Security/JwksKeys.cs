using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Security;

/// <summary>Reads the public keys of a JWKS document, keeping only RSA and EC signing keys.</summary>
internal static class JwksKeys
{
    public static IReadOnlyList<SecurityKey> Parse(string json)
    {
        var set = new JsonWebKeySet(json);
        return set.Keys
            .Where(k => k.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve)
            .Where(k => string.IsNullOrEmpty(k.Use) || k.Use == "sig")
            .Cast<SecurityKey>()
            .ToList();
    }
}
